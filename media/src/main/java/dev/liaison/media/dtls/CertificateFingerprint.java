package dev.liaison.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A certificate fingerprint as carried in SDP ({@code a=fingerprint:sha-256 AB:CD:...}, RFC 8122).
 *
 * @param algorithm the SDP hash name, lower case ({@code sha-256}, {@code sha-1}, {@code sha-384}, {@code sha-512})
 * @param digest the hash of the DER-encoded certificate
 */
public record CertificateFingerprint(String algorithm, byte[] digest) {
    private static final Map<String, String> JCA_NAMES =
            Map.of("sha-1", "SHA-1", "sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512", "SHA-512");
    private static final int MAX_LENGTH = 256;

    public CertificateFingerprint {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        if (!JCA_NAMES.containsKey(algorithm)) {
            throw new IllegalArgumentException("unsupported fingerprint hash: " + algorithm);
        }
        digest = digest.clone();
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static CertificateFingerprint of(String algorithm, byte[] derCertificate) {
        String name = algorithm.toLowerCase(Locale.ROOT);
        return new CertificateFingerprint(name, digest(name, derCertificate));
    }

    /** Parses the value of an {@code a=fingerprint} attribute: {@code sha-256 AB:CD:...}. */
    public static CertificateFingerprint parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("fingerprint missing or too long");
        }
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("fingerprint must be '<hash> <hex:hex:...>': " + value);
        }
        String hex = parts[1].replace(":", "");
        try {
            return new CertificateFingerprint(parts[0], HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint is not hex: " + value, e);
        }
    }

    /** Whether a DER-encoded certificate has this fingerprint (constant-time comparison). */
    public boolean matches(byte[] derCertificate) {
        return MessageDigest.isEqual(digest, digest(algorithm, derCertificate));
    }

    /** The SDP form: {@code sha-256 AB:CD:...}. */
    public String toSdp() {
        return algorithm + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        String jca = JCA_NAMES.get(algorithm);
        if (jca == null) {
            throw new IllegalArgumentException("unsupported fingerprint hash: " + algorithm);
        }
        try {
            return MessageDigest.getInstance(jca).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " missing from the JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint f
                && algorithm.equals(f.algorithm)
                && MessageDigest.isEqual(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
