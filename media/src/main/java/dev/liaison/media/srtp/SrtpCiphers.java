package dev.liaison.media.srtp;

import org.jitsi.srtp.crypto.Aes;

/**
 * Picks jitsi-srtp's AES implementation once, before the first SRTP context is derived. Left to itself jitsi-srtp
 * times each implementation it knows (OpenSSL through JNI, the JDK's SunJCE, Bouncy Castle) on one 1,500-byte run,
 * on the thread that derives the first context (for RTP legs the reader that serves every leg), and keeps whichever
 * won that single timing: a choice that changes from run to run on a busy machine. The JDK's AES-CTR (AES-NI
 * intrinsics, no JNI call per packet) costs about 0.2 µs less per protect or unprotect of a 172-byte packet than the
 * OpenSSL one here, so it is named outright. jitsi-srtp's setting is global to the JVM (it covers AES-CTR, AES-GCM of
 * the DTLS-SRTP legs and the AES-ECB of key derivation alike), hence done once.
 */
final class SrtpCiphers {
    /** jitsi-srtp's short name for {@code Aes$SunJCECipherFactory}. */
    static final String AES_FACTORY = "SunJCE";

    private static volatile boolean chosen;

    private SrtpCiphers() {}

    static void choose() {
        if (!chosen) {
            synchronized (SrtpCiphers.class) {
                if (!chosen) {
                    Aes.setFactoryClassName(AES_FACTORY);
                    chosen = true;
                }
            }
        }
    }
}
