package dev.liaison.palettes.callback;

import java.util.Arrays;
import java.util.Optional;

/** What one callback attempt came to, as the agent (or the gateway) reports it. */
public enum AttemptOutcome {
    /** The customer picked up: the callback is completed and the task goes on like any other contact. */
    ANSWERED("answered"),
    /** Nobody picked up. */
    NO_ANSWER("no-answer"),
    /** The line was busy. */
    BUSY("busy"),
    /** The call could not be made (unreachable number, trunk error, customer not online). */
    FAILED("failed");

    private final String wireName;

    AttemptOutcome(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and in the database. */
    public String wireName() {
        return wireName;
    }

    public boolean reached() {
        return this == ANSWERED;
    }

    static Optional<AttemptOutcome> fromWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
