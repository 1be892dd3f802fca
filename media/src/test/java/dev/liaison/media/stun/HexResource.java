package dev.liaison.media.stun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Reads a test resource of hex bytes (whitespace ignored, lines starting with {@code #} are comments). */
public final class HexResource {

    private HexResource() {}

    public static byte[] read(String name) {
        try (InputStream in = HexResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String hex = text.lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining())
                    .replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
