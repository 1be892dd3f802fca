package dev.liaison.media.dtls;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The openssl command line as a real DTLS peer: a key pair, s_client / s_server, and what they print. */
final class OpenSslPeer {
    private final Path dir;

    OpenSslPeer(Path dir) {
        this.dir = dir;
    }

    /** Skips on a developer machine without openssl; fails under CI, where scripts/install-test-deps installs it. */
    static void requireOpenSsl() {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("openssl is required under CI (scripts/install-test-deps installs it)");
        }
        assumeThat(present).as("openssl installed").isTrue();
    }

    /** Creates an ECDSA P-256 self-signed certificate and returns its SHA-256 fingerprint. */
    CertificateFingerprint createCertificate() throws IOException, InterruptedException {
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                key().toString(),
                "-out",
                cert().toString(),
                "-days",
                "2",
                "-subj",
                "/CN=openssl-peer"));
        String pem = Files.readString(cert(), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return CertificateFingerprint.of("sha-256", Base64.getDecoder().decode(pem));
    }

    Process client(int port, String profile, int keyingMaterialLength) throws IOException {
        return start(List.of(
                "openssl",
                "s_client",
                "-dtls1_2",
                "-connect",
                "127.0.0.1:" + port,
                "-use_srtp",
                profile,
                "-cert",
                cert().toString(),
                "-key",
                key().toString(),
                "-keymatexport",
                "EXTRACTOR-dtls_srtp",
                "-keymatexportlen",
                String.valueOf(keyingMaterialLength)));
    }

    Process server(int port, String profile, int keyingMaterialLength) throws IOException {
        return start(List.of(
                "openssl",
                "s_server",
                "-dtls1_2",
                "-accept",
                String.valueOf(port),
                "-use_srtp",
                profile,
                "-cert",
                cert().toString(),
                "-key",
                key().toString(),
                "-keymatexport",
                "EXTRACTOR-dtls_srtp",
                "-keymatexportlen",
                String.valueOf(keyingMaterialLength),
                "-verify",
                "1"));
    }

    private Process start(List<String> command) throws IOException {
        return new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve("openssl-" + command.get(1) + ".log").toFile())
                .start();
    }

    String output(String mode) throws IOException {
        Path log = dir.resolve("openssl-" + mode + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl failed: " + out);
        }
    }

    private Path key() {
        return dir.resolve("peer.key");
    }

    private Path cert() {
        return dir.resolve("peer.crt");
    }
}
