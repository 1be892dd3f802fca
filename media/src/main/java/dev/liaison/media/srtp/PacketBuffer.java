package dev.liaison.media.srtp;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * A growable byte window that jitsi-srtp transforms in place (it appends and strips tags). Meant to be reused, one per
 * thread and direction: {@link #wrap} lends it the caller's array (no copy: unprotect only ever shrinks the packet),
 * {@link #copyOf} copies a packet into its own array, which keeps room for a tag (protect grows the packet). Not
 * thread-safe.
 */
public final class PacketBuffer implements ByteArrayBuffer {
    /** Room kept after a copied packet: the longest tag of our profiles (16) and an SRTCP index (4). */
    static final int TAG_SPARE = 16 + 4;

    private byte[] own;
    private byte[] buffer;
    private int offset;
    private int length;

    /** An empty buffer with room for packets of {@code capacity} bytes and their tag. */
    public PacketBuffer(int capacity) {
        own = new byte[capacity + TAG_SPARE];
        buffer = own;
    }

    PacketBuffer(byte[] packet, int off, int len, int spare) {
        own = new byte[len + spare];
        buffer = own;
        System.arraycopy(packet, off, buffer, 0, len);
        length = len;
    }

    /** Lends the buffer {@code len} bytes of {@code packet} from {@code off}; transforms then change them in place. */
    public PacketBuffer wrap(byte[] packet, int off, int len) {
        buffer = packet;
        offset = off;
        length = len;
        return this;
    }

    /** Copies {@code len} bytes of {@code packet} from {@code off} into the buffer's own array, with room for a tag. */
    public PacketBuffer copyOf(byte[] packet, int off, int len) {
        if (own.length < len + TAG_SPARE) {
            own = new byte[len + TAG_SPARE];
        }
        System.arraycopy(packet, off, own, 0, len);
        buffer = own;
        offset = 0;
        length = len;
        return this;
    }

    /** The array holding the packet now (after a transform it may be a new one, if the packet had to grow). */
    public byte[] array() {
        return buffer;
    }

    /** Where the packet starts in {@link #array()}. */
    public int offset() {
        return offset;
    }

    /** The packet's length now. */
    public int length() {
        return length;
    }

    byte[] toArray() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        length = len;
    }

    @Override
    public void setOffset(int off) {
        offset = off;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, offset + off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > buffer.length) {
            byte[] grown = Arrays.copyOf(buffer, offset + length + howMuch);
            if (buffer == own) {
                own = grown;
            }
            buffer = grown;
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
