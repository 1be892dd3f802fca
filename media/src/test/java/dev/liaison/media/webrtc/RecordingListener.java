package dev.liaison.media.webrtc;

import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.MediaLeg;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps what a leg reported; tests poll it with a deadline. */
final class RecordingListener implements LegListener {
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
        return rtp.poll(5, TimeUnit.SECONDS);
    }

    LegEndReason nextEnd() throws InterruptedException {
        return ended.poll(20, TimeUnit.SECONDS);
    }
}
