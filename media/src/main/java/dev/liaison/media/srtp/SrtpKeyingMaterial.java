package dev.liaison.media.srtp;

import java.util.Arrays;

/**
 * Master keys and salts for one SRTP session: {@code local*} protects what we send, {@code remote*} unprotects what
 * we receive.
 */
public record SrtpKeyingMaterial(
        SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {

    public SrtpKeyingMaterial {
        check(profile.keyLength(), localKey, "local key");
        check(profile.saltLength(), localSalt, "local salt");
        check(profile.keyLength(), remoteKey, "remote key");
        check(profile.saltLength(), remoteSalt, "remote salt");
        localKey = localKey.clone();
        localSalt = localSalt.clone();
        remoteKey = remoteKey.clone();
        remoteSalt = remoteSalt.clone();
    }

    /**
     * Splits DTLS-SRTP exported keying material (client key, server key, client salt, server salt; RFC 5764 4.2).
     *
     * @param weAreClient whether this endpoint was the DTLS client
     */
    public static SrtpKeyingMaterial fromDtlsExport(SrtpProfile profile, byte[] material, boolean weAreClient) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(
                    "expected " + profile.keyingMaterialLength() + " bytes of keying material, got " + material.length);
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return weAreClient
                ? new SrtpKeyingMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeyingMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    private static void check(int expected, byte[] value, String what) {
        if (value == null || value.length != expected) {
            throw new IllegalArgumentException(what + " must be " + expected + " bytes");
        }
    }

    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + ", keys hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyingMaterial m
                && profile == m.profile
                && Arrays.equals(localKey, m.localKey)
                && Arrays.equals(localSalt, m.localSalt)
                && Arrays.equals(remoteKey, m.remoteKey)
                && Arrays.equals(remoteSalt, m.remoteSalt);
    }

    @Override
    public int hashCode() {
        return profile.hashCode() * 31 + Arrays.hashCode(localKey);
    }
}
