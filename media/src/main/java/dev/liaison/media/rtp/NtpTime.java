package dev.liaison.media.rtp;

import java.time.Instant;

/** NTP timestamps of RTCP sender reports (RFC 3550 4): seconds since 1900 in the high word, fraction in the low. */
public final class NtpTime {
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

    private NtpTime() {}

    public static long of(Instant instant) {
        long seconds = instant.getEpochSecond() + SECONDS_1900_TO_1970;
        long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    /** The middle 32 bits (RR's LSR and RTT arithmetic, in 1/65536 s). */
    public static long compact(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** Nanoseconds as 1/65536 s units (DLSR). */
    public static long toCompactUnits(long nanos) {
        return Math.max(0, nanos) * 65_536L / 1_000_000_000L;
    }

    public static double compactUnitsToMillis(long units) {
        return units * 1000.0 / 65_536.0;
    }
}
