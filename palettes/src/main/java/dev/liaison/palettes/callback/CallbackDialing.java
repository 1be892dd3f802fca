package dev.liaison.palettes.callback;

import java.util.UUID;

/**
 * An agent accepted a callback attempt: the customer is to be rung now, in the app/page when the target is
 * {@code in-app} and they are online (else on {@code phoneNumber} when there is one), or on {@code phoneNumber}
 * through the SIP trunk. Published inside the transaction; listeners use {@code @TransactionalEventListener}.
 */
public record CallbackDialing(
        UUID callbackId,
        UUID correlationId,
        UUID taskId,
        String agentLogin,
        CallbackTarget target,
        String phoneNumber,
        int attempt) {}
