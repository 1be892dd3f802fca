package dev.liaison.media.rtp;

import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.MediaLeg;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps what a leg delivered. */
class Recorder implements LegListener {
    final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
    final BlockingQueue<LegEndReason> ended = new LinkedBlockingQueue<>();

    @Override
    public void rtp(MediaLeg from, byte[] packet, int length) {
        rtp.add(Arrays.copyOf(packet, length));
    }

    @Override
    public void rtcp(MediaLeg from, byte[] packet, int length) {
        rtcp.add(Arrays.copyOf(packet, length));
    }

    @Override
    public void ended(MediaLeg leg, LegEndReason reason) {
        ended.add(reason);
    }

    byte[] nextRtp() throws InterruptedException {
        byte[] packet = rtp.poll(5, TimeUnit.SECONDS);
        if (packet == null) {
            throw new AssertionError("no RTP within 5 s");
        }
        return packet;
    }

    byte[] nextRtcp() throws InterruptedException {
        byte[] packet = rtcp.poll(5, TimeUnit.SECONDS);
        if (packet == null) {
            throw new AssertionError("no RTCP within 5 s");
        }
        return packet;
    }
}
