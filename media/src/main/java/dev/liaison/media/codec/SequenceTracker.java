package dev.liaison.media.codec;

/** Follows a 16-bit RTP sequence: how many packets were lost before this one, or that it is late / a duplicate. */
final class SequenceTracker {
    static final int LATE = -1;
    private int last = -1;

    /** Packets missing between the previous packet and this one (0 when in order), or {@link #LATE}. */
    int advance(int sequence) {
        if (last < 0) {
            last = sequence;
            return 0;
        }
        int delta = (sequence - last) & 0xFFFF;
        if (delta == 0 || delta > 0x8000) {
            return LATE;
        }
        last = sequence;
        return delta - 1;
    }
}
