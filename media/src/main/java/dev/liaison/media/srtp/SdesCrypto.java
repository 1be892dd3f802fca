package dev.liaison.media.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SDP {@code a=crypto} attribute value (RFC 4568) with an inline master key and salt, for SIP legs on RTP/SAVP.
 * Lifetime and MKI are kept as written; Liaison itself never sends an MKI.
 *
 * @param tag the attribute's tag, echoed in the answer
 * @param profile the crypto suite
 * @param key the master key
 * @param salt the master salt
 * @param lifetime the key lifetime as written ({@code 2^31}), or empty
 * @param mki the MKI as written ({@code 1:4}), or empty
 */
public record SdesCrypto(
        int tag, SrtpProfile profile, byte[] key, byte[] salt, Optional<String> lifetime, Optional<String> mki) {
    private static final int MAX_LENGTH = 512;
    private static final Pattern SYNTAX = Pattern.compile(
            "(\\d{1,9})\\s+([A-Z0-9_]+)\\s+inline:([A-Za-z0-9+/=]+)(\\|[^|;\\s]+)?(\\|[^|;\\s]+)?(;\\S*)?(\\s.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SdesCrypto {
        if (key.length != profile.keyLength() || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException("key/salt length does not fit " + profile);
        }
        key = key.clone();
        salt = salt.clone();
    }

    /** A fresh random key and salt for our side of an SDES exchange. */
    public static SdesCrypto generate(int tag, SrtpProfile profile) {
        byte[] key = new byte[profile.keyLength()];
        byte[] salt = new byte[profile.saltLength()];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(salt);
        return new SdesCrypto(tag, profile, key, salt, Optional.empty(), Optional.empty());
    }

    /**
     * Parses {@code 1 AES_CM_128_HMAC_SHA1_80 inline:<base64>|2^20|1:4}; throws {@link SdesException} for malformed
     * lines and for suites we do not speak.
     */
    public static SdesCrypto parse(String value) throws SdesException {
        if (value == null || value.length() > MAX_LENGTH) {
            throw new SdesException("a=crypto missing or too long");
        }
        Matcher m = SYNTAX.matcher(value.trim());
        if (!m.matches()) {
            throw new SdesException("malformed a=crypto: " + value);
        }
        SrtpProfile profile = SrtpProfile.bySdesName(m.group(2))
                .orElseThrow(() -> new SdesException("unsupported suite " + m.group(2)));
        byte[] keySalt;
        try {
            keySalt = Base64.getDecoder().decode(m.group(3));
        } catch (IllegalArgumentException e) {
            throw new SdesException("a=crypto key is not base64");
        }
        if (keySalt.length != profile.keyLength() + profile.saltLength()) {
            throw new SdesException("a=crypto key has " + keySalt.length + " bytes, " + profile + " needs "
                    + (profile.keyLength() + profile.saltLength()));
        }
        Optional<String> lifetime = Optional.empty();
        Optional<String> mki = Optional.empty();
        for (String part : new String[] {m.group(4), m.group(5)}) {
            if (part == null) {
                continue;
            }
            String p = part.substring(1);
            if (p.contains(":")) {
                mki = Optional.of(p);
            } else {
                lifetime = Optional.of(p);
            }
        }
        return new SdesCrypto(
                Integer.parseInt(m.group(1)),
                profile,
                Arrays.copyOfRange(keySalt, 0, profile.keyLength()),
                Arrays.copyOfRange(keySalt, profile.keyLength(), keySalt.length),
                lifetime,
                mki);
    }

    /** The attribute value, without {@code a=crypto:}. */
    public String format() {
        byte[] keySalt = Arrays.copyOf(key, key.length + salt.length);
        System.arraycopy(salt, 0, keySalt, key.length, salt.length);
        StringBuilder sb = new StringBuilder()
                .append(tag)
                .append(' ')
                .append(profile.sdesName())
                .append(" inline:")
                .append(Base64.getEncoder().encodeToString(keySalt));
        lifetime.ifPresent(l -> sb.append('|').append(l));
        mki.ifPresent(k -> sb.append('|').append(k));
        return sb.toString();
    }

    /** Keys for an SRTP session where {@code this} is what we sent and {@code remote} what the peer sent. */
    public SrtpKeyingMaterial keyingWith(SdesCrypto remote) {
        if (remote.profile != profile) {
            throw new IllegalArgumentException("suites differ: " + profile + " vs " + remote.profile);
        }
        return new SrtpKeyingMaterial(profile, key, salt, remote.key, remote.salt);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public String toString() {
        return "SdesCrypto[" + tag + " " + profile + ", key hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdesCrypto c
                && tag == c.tag
                && profile == c.profile
                && Arrays.equals(key, c.key)
                && Arrays.equals(salt, c.salt)
                && lifetime.equals(c.lifetime)
                && mki.equals(c.mki);
    }

    @Override
    public int hashCode() {
        return tag * 31 + profile.hashCode();
    }
}
