package dev.liaison.palettes.routing;

/**
 * Life of a task: PENDING (waiting) → RESERVED (offered to one agent) → ASSIGNED (accepted) → WRAPPING (conversation
 * over, agent finishing notes) → COMPLETED. A rejected or expired offer returns it to PENDING with its age and
 * priority, so it keeps its place. PENDING or RESERVED → CANCELED when the customer leaves.
 */
public enum TaskStatus {
    PENDING,
    RESERVED,
    ASSIGNED,
    WRAPPING,
    COMPLETED,
    CANCELED;

    public boolean waiting() {
        return this == PENDING || this == RESERVED;
    }

    public boolean active() {
        return this == ASSIGNED || this == WRAPPING;
    }

    public boolean ended() {
        return this == COMPLETED || this == CANCELED;
    }
}
