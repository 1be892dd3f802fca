package dev.liaison.gateway.sipws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;

/**
 * Digest authentication of SIP requests (RFC 3261 section 22, RFC 2617 with {@code qop=auth}, MD5). Nonces carry
 * their own time and a MAC under a per-node random key, so they need no table and expire after
 * {@link SipWsProperties#nonceValidity()}. Passwords are never known here, only each user's HA1.
 */
final class DigestAuthenticator {

    /** What a request's credentials are worth. */
    enum Outcome {
        /** The credentials are right: the request is the user's. */
        ACCEPTED,
        /** No credentials for our realm: challenge. */
        MISSING,
        /** Right credentials with an expired or foreign nonce: challenge again with {@code stale=true}. */
        STALE,
        /** A wrong password or an unknown user: 403. */
        REFUSED
    }

    /** The verdict and the user it is about. */
    record Verdict(Outcome outcome, String username) {}

    private static final int TIME_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 16;

    private final SipWsProperties properties;
    private final Clock clock;
    private final byte[] key = new byte[32];

    DigestAuthenticator(SipWsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** The challenge header value, for {@code WWW-Authenticate} (401) or {@code Proxy-Authenticate} (407). */
    String challenge(boolean stale) {
        return "Digest realm=\"" + properties.realm() + "\", nonce=\"" + newNonce() + "\", algorithm=MD5, qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    /** Checks the first of {@code credentials} that is for our realm against {@code method}. */
    Verdict verify(List<? extends AuthorizationHeader> credentials, String method) {
        for (AuthorizationHeader header : credentials) {
            if (!"Digest".equalsIgnoreCase(header.getScheme())
                    || !properties.realm().equals(header.getRealm())) {
                continue;
            }
            String username = header.getUsername();
            var ha1 = username == null ? java.util.Optional.<String>empty() : properties.ha1Of(username);
            if (ha1.isEmpty() || header.getNonce() == null || header.getResponse() == null || header.getURI() == null) {
                return new Verdict(Outcome.REFUSED, username);
            }
            String ha2 = md5(method + ":" + header.getURI());
            String expected;
            String qop = header.getQop();
            if (qop == null) {
                expected = md5(ha1.get() + ":" + header.getNonce() + ":" + ha2);
            } else if ("auth".equalsIgnoreCase(qop) && header.getCNonce() != null) {
                String nc = String.format("%08x", header.getNonceCount());
                expected =
                        md5(ha1.get() + ":" + header.getNonce() + ":" + nc + ":" + header.getCNonce() + ":auth:" + ha2);
            } else {
                return new Verdict(Outcome.REFUSED, username);
            }
            if (!MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII),
                    header.getResponse().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
                return new Verdict(Outcome.REFUSED, username);
            }
            return new Verdict(nonceIsFresh(header.getNonce()) ? Outcome.ACCEPTED : Outcome.STALE, username);
        }
        return new Verdict(Outcome.MISSING, null);
    }

    /** {@code MD5(username:realm:password)} in hex: how an operator computes a user's {@code ha1}. */
    static String ha1(String username, String realm, String password) {
        return md5(username + ":" + realm + ":" + password);
    }

    private String newNonce() {
        byte[] time = ByteBuffer.allocate(TIME_BYTES).putLong(clock.millis()).array();
        byte[] nonce = Arrays.copyOf(time, TIME_BYTES + MAC_BYTES);
        System.arraycopy(mac(time), 0, nonce, TIME_BYTES, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    private boolean nonceIsFresh(String nonce) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != TIME_BYTES + MAC_BYTES) {
            return false;
        }
        byte[] time = Arrays.copyOf(bytes, TIME_BYTES);
        if (!MessageDigest.isEqual(
                Arrays.copyOf(mac(time), MAC_BYTES), Arrays.copyOfRange(bytes, TIME_BYTES, bytes.length))) {
            return false;
        }
        long age = clock.millis() - ByteBuffer.wrap(time).getLong();
        return age >= 0 && age <= properties.nonceValidity().toMillis();
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
