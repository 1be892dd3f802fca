package dev.liaison.cti.api.screenpop;

/**
 * What one vendor can carry: which fields exist, how many bytes (UTF-8) each value may have, and how many bytes all
 * values of a shared pool may take together (UCCE: named variables and arrays share 2000 bytes per message). Each
 * adapter provides its own.
 */
public interface ScreenPopLimits {

    /** Whether the vendor has this kind of field at all. */
    boolean supports(ScreenPopField field);

    /** Most bytes of a value in this field. */
    int maxValueBytes(ScreenPopField field);

    /** Bytes this field takes from the shared pool for a value of {@code valueBytes} bytes; 0 when not pooled. */
    default int pooledBytes(ScreenPopField field, int valueBytes) {
        return 0;
    }

    /** Size of the shared pool; {@link Integer#MAX_VALUE} when there is none. */
    default int poolBytes() {
        return Integer.MAX_VALUE;
    }
}
