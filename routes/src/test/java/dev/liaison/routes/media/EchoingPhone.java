package dev.liaison.routes.media;

import dev.liaison.gateway.sip.Sipp;
import dev.liaison.routes.support.FreeUdpPorts;
import java.io.IOException;

/**
 * A phone behind the trunk that talks back: SIPp running {@code uas-answer-echo-rtp.xml} on {@code sipPort} (answers
 * PCMU, waits for BYE) with {@code -rtp_echo}, so it returns every RTP packet it receives, and an {@link RtpTap} in
 * front of its echo port, whose port is the one in SIPp's SDP. SIPp gives up after 90 s (the call fails then).
 * Closing it stops SIPp and the tap.
 */
final class EchoingPhone implements AutoCloseable {

    final Sipp sipp;
    final RtpTap tap;

    private EchoingPhone(Sipp sipp, RtpTap tap) {
        this.sipp = sipp;
        this.tap = tap;
    }

    /** Starts the tap, then SIPp listening on {@code sipPort} on 127.0.0.1, answering with PCMU only. */
    static EchoingPhone answeringOn(int sipPort) throws IOException {
        return answeringOn(sipPort, "uas-answer-echo-rtp.xml");
    }

    /**
     * As {@link #answeringOn(int)} with another scenario of the same shape (its SDP on {@code [media_ip]} port
     * {@code [rtp_port]}): {@code uas-answer-echo-rtp-events.xml} also takes telephone-event/8000 on payload type 101.
     */
    static EchoingPhone answeringOn(int sipPort, String scenario) throws IOException {
        int echoPort = freeEchoPort();
        RtpTap tap = RtpTap.inFrontOf(echoPort);
        try {
            Sipp sipp = Sipp.uas(
                    scenario,
                    sipPort,
                    "-mi",
                    "127.0.0.1",
                    "-mp",
                    Integer.toString(echoPort),
                    "-rtp_echo",
                    "-key",
                    "rtp_port",
                    Integer.toString(tap.port()),
                    // SIPp's whole run, overriding Sipp's 30 s: a browser call spans Chromium's start and the media.
                    "-timeout",
                    "90s");
            return new EchoingPhone(sipp, tap);
        } catch (IOException | RuntimeException | Error e) {
            closeTap(tap);
            throw e;
        }
    }

    /** Whether the tap's socket and thread are gone (SIPp itself is stopped by {@link #close()}). */
    boolean closed() {
        return tap.closed();
    }

    @Override
    public void close() {
        sipp.close();
        closeTap(tap);
    }

    private static void closeTap(RtpTap tap) {
        try {
            tap.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port for SIPp's RTP echo: SIPp also binds the port 2 above it (video), so both must be free. */
    private static int freeEchoPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = Sipp.freePort();
            if (port + 2 <= 65_535 && FreeUdpPorts.isFree(port + 2)) {
                return port;
            }
        }
        throw new IOException("no free UDP port p with p + 2 free on loopback");
    }
}
