package dev.liaison.gateway.call;

/** What media a call asks for. */
public enum MediaMode {
    /** Audio both ways. */
    AUDIO,
    /** Audio and video both ways. */
    VIDEO,
    /** Audio both ways, video only from the contact center to the customer (the customer's camera stays off). */
    VIDEO_ONE_WAY
}
