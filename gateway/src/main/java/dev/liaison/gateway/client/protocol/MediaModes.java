package dev.liaison.gateway.client.protocol;

import dev.liaison.gateway.call.MediaMode;

/** The wire names of {@link MediaMode}: {@code audio}, {@code video}, {@code video-one-way}. */
public final class MediaModes {

    private MediaModes() {}

    public static String toWire(MediaMode mode) {
        return switch (mode) {
            case AUDIO -> "audio";
            case VIDEO -> "video";
            case VIDEO_ONE_WAY -> "video-one-way";
        };
    }

    /** The mode of a wire name the schema admitted. */
    public static MediaMode fromWire(String wire) {
        return switch (wire) {
            case "audio" -> MediaMode.AUDIO;
            case "video" -> MediaMode.VIDEO;
            case "video-one-way" -> MediaMode.VIDEO_ONE_WAY;
            default ->
                throw new ClientProtocolException(
                        ClientErrorCode.INVALID_MESSAGE,
                        "Unknown media '" + wire + "'",
                        java.util.Optional.of("/media"));
        };
    }
}
