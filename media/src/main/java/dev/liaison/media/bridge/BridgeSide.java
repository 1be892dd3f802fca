package dev.liaison.media.bridge;

/** The two sides of a bridged call: the calling leg (A) and the called leg (B). */
public enum BridgeSide {
    A,
    B;

    public BridgeSide other() {
        return this == A ? B : A;
    }
}
