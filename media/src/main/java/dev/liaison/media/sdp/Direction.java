package dev.liaison.media.sdp;

/** The media direction attribute of a section (RFC 8866 section 6.7); sendrecv when none is given. */
public enum Direction {
    SENDRECV,
    SENDONLY,
    RECVONLY,
    INACTIVE;

    public String attributeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction an answerer takes when the offer says {@code this}. */
    public Direction reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }
}
