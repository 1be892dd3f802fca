package dev.liaison.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

final class SdpResources {

    private SdpResources() {}

    static String read(String name) {
        try (InputStream in = SdpResources.class.getClassLoader().getResourceAsStream("sdp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) {
        try {
            return SdpParser.parse(read(name));
        } catch (SdpParseException e) {
            throw new AssertionError(e);
        }
    }
}
