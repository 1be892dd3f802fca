package dev.liaison.routes.callback;

import dev.liaison.palettes.callback.CallbackDialing;

/**
 * One try to ring the customer for an accepted callback attempt: first as the customer asked, then, when an in-app
 * customer turned out to be offline, once more on the phone ({@code phoneOnly}).
 */
record DialAttempt(CallbackDialing dialing, boolean phoneOnly) {}
