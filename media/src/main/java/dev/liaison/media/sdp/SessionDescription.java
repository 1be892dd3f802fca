package dev.liaison.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole SDP: the session-level lines ({@code o=}, {@code s=}, {@code c=}, {@code t=}, attributes such as
 * {@code a=group:BUNDLE} and {@code a=ice-lite}, unknown lines kept) and the media sections.
 */
public final class SessionDescription extends LineBlock {

    private final List<MediaDescription> media;

    public SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> media) {
        super(sessionLines);
        this.media = new ArrayList<>(media);
    }

    public List<MediaDescription> media() {
        return List.copyOf(media);
    }

    public void addMedia(MediaDescription section) {
        media.add(section);
    }

    public boolean iceLite() {
        return hasAttribute("ice-lite");
    }

    /** The mids of {@code a=group:BUNDLE}, empty when there is no bundle group. */
    public List<String> bundle() {
        return attributes("group").stream()
                .filter(g -> g.startsWith("BUNDLE"))
                .findFirst()
                .map(g -> List.of(g.substring("BUNDLE".length()).trim().split("\\s+")).stream()
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** The session-level {@code c=} value. */
    public java.util.Optional<String> connection() {
        return line('c');
    }

    /** A session attribute of the section, or of the session when the section has none (ice-ufrag, fingerprint). */
    public java.util.Optional<String> effective(MediaDescription section, String name) {
        return section.attribute(name).or(() -> attribute(name));
    }
}
