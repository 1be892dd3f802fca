package dev.liaison.routes.contact;

import java.util.UUID;

/**
 * The reply to a {@link ContactRequest}: which interaction the contact belongs to and the task that now waits.
 *
 * @param resumed whether the interaction existed (same customer, another device or channel)
 */
public record ContactQueued(UUID correlationId, boolean resumed, UUID taskId, String status) {}
