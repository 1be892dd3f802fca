package dev.liaison.gateway.sip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 key store made at test time with the JDK's {@code keytool}: a self-signed RSA certificate for 127.0.0.1
 * and a random password. No key material is committed; each run makes its own under {@code target/tls/}.
 */
final class TestKeyStore {

    final Path path;
    final String password;

    private TestKeyStore(Path path, String password) {
        this.path = path;
        this.password = password;
    }

    static TestKeyStore generate() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "tls"));
        Path path = dir.resolve("sip-" + UUID.randomUUID() + ".p12").toAbsolutePath();
        String password = UUID.randomUUID().toString();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "sip",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        path.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return new TestKeyStore(path, password);
    }

    /** A client TLS context that trusts exactly this key store's certificate. */
    SSLContext clientContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
