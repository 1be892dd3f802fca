package dev.liaison.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lines of a session or a media section, in order, with attribute look-ups shared by both levels. */
abstract class LineBlock {

    protected final List<SdpLine> lines;

    LineBlock(List<SdpLine> lines) {
        this.lines = new ArrayList<>(lines);
    }

    /** Every line of this block after its first ({@code v=} or {@code m=}), unknown ones included. */
    public List<SdpLine> lines() {
        return List.copyOf(lines);
    }

    public Optional<String> attribute(String name) {
        return lines.stream()
                .filter(l -> l.isAttribute() && l.name().equals(name))
                .map(l -> l.argument() == null ? "" : l.argument())
                .findFirst();
    }

    public List<String> attributes(String name) {
        return lines.stream()
                .filter(l -> l.isAttribute() && l.name().equals(name))
                .map(l -> l.argument() == null ? "" : l.argument())
                .toList();
    }

    public boolean hasAttribute(String name) {
        return attribute(name).isPresent();
    }

    public Optional<String> line(char type) {
        return lines.stream().filter(l -> l.type() == type).map(SdpLine::value).findFirst();
    }

    public Optional<String> iceUfrag() {
        return attribute("ice-ufrag");
    }

    public Optional<String> icePwd() {
        return attribute("ice-pwd");
    }

    /** {@code a=fingerprint:sha-256 AB:CD:...}. */
    public Optional<String> fingerprint() {
        return attribute("fingerprint");
    }

    /** {@code a=setup}: active, passive, actpass or holdconn. */
    public Optional<String> setup() {
        return attribute("setup");
    }

    /** Replaces every attribute {@code name} by one with {@code argument} (null for a flag), or appends it. */
    public void setAttribute(String name, String argument) {
        removeAttribute(name);
        lines.add(SdpLine.attribute(name, argument));
    }

    public void addAttribute(String name, String argument) {
        lines.add(SdpLine.attribute(name, argument));
    }

    public void removeAttribute(String name) {
        lines.removeIf(l -> l.isAttribute() && l.name().equals(name));
    }
}
