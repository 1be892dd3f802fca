package dev.liaison.media.ice;

import java.util.Optional;

/** The outcome of a binding request and the response to send back, if any. */
public record CheckResult(CheckOutcome outcome, Optional<byte[]> response) {

    static CheckResult discarded() {
        return new CheckResult(CheckOutcome.DISCARDED, Optional.empty());
    }

    static CheckResult reply(CheckOutcome outcome, byte[] response) {
        return new CheckResult(outcome, Optional.of(response));
    }
}
