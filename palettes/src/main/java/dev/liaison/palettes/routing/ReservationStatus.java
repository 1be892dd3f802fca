package dev.liaison.palettes.routing;

/** An offer of one task to one agent: PENDING until accepted, rejected, expired or canceled. */
public enum ReservationStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    TIMED_OUT,
    CANCELED
}
