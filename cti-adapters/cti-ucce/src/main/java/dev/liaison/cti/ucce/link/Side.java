package dev.liaison.cti.ucce.link;

/** The two CTI Server sides of a duplexed peripheral gateway; only one is active at a time. */
public enum Side {
    A,
    B;

    public Side other() {
        return this == A ? B : A;
    }
}
