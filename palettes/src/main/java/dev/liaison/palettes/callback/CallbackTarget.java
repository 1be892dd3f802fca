package dev.liaison.palettes.callback;

import java.util.Arrays;
import java.util.Optional;

/** How the customer is reached when an agent takes the callback. */
public enum CallbackTarget {
    /** Ring the customer in the page or app they asked from, if they are online there. */
    IN_APP("in-app"),
    /** Call the customer's phone number through the SIP trunk. */
    PHONE("phone");

    private final String wireName;

    CallbackTarget(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and in the database. */
    public String wireName() {
        return wireName;
    }

    static Optional<CallbackTarget> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
