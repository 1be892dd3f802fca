package dev.liaison.media.bridge;

import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.SdpParseException;
import dev.liaison.media.sdp.SdpParser;
import dev.liaison.media.sdp.SessionDescription;

/**
 * SDP of the peers in these tests, written from the specs (RFC 8829 for the browser: BUNDLE, ICE, DTLS actpass,
 * rtcp-mux, Opus with in-band FEC, telephone-event at 48 and 8 kHz; RFC 3264 / 3551 for the phone), not captured.
 */
final class Sdps {
    static final String BROWSER_FINGERPRINT =
            "sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08";

    /** Opus, PCMU, PCMA, CN, telephone-event/48000, telephone-event/8000: what a browser offers for audio. */
    static final String BROWSER_AUDIO_FORMATS = "111 0 8 13 110 126";

    static final String BROWSER_AUDIO_MAPS =
            """
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            """;

    static final String OPUS_ONLY_FORMATS = "111 110";

    static final String OPUS_ONLY_MAPS =
            """
            a=rtpmap:111 opus/48000/2
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:110 telephone-event/48000
            """;

    private Sdps() {}

    static String browserOffer(String formats, String maps, boolean video, String direction) {
        String sdp =
                """
                v=0
                o=- 4611731400430051336 2 IN IP4 127.0.0.1
                s=-
                t=0 0
                a=group:BUNDLE 0%s
                a=extmap-allow-mixed
                a=msid-semantic: WMS stream-1
                m=audio 9 UDP/TLS/RTP/SAVPF %s
                c=IN IP4 0.0.0.0
                a=rtcp:9 IN IP4 0.0.0.0
                a=candidate:1467250027 1 udp 2122260223 127.0.0.1 46243 typ host generation 0
                a=ice-ufrag:Br0w
                a=ice-pwd:qP7hR2kLmN8vX4yZ1wT6sU0o
                a=ice-options:trickle
                a=fingerprint:%s
                a=setup:actpass
                a=mid:0
                a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
                a=%s
                a=msid:stream-1 audio-track-1
                a=rtcp-mux
                %sa=ssrc:3735928559 cname:browsercname
                """
                        .formatted(video ? " 1" : "", formats, BROWSER_FINGERPRINT, direction, maps);
        if (video) {
            sdp +=
                    """
                    m=video 9 UDP/TLS/RTP/SAVPF 96 97 102
                    c=IN IP4 0.0.0.0
                    a=rtcp:9 IN IP4 0.0.0.0
                    a=ice-ufrag:Br0w
                    a=ice-pwd:qP7hR2kLmN8vX4yZ1wT6sU0o
                    a=fingerprint:%s
                    a=setup:actpass
                    a=mid:1
                    a=sendrecv
                    a=rtcp-mux
                    a=rtcp-rsize
                    a=rtpmap:96 VP8/90000
                    a=rtcp-fb:96 goog-remb
                    a=rtcp-fb:96 ccm fir
                    a=rtcp-fb:96 nack
                    a=rtcp-fb:96 nack pli
                    a=rtpmap:97 rtx/90000
                    a=fmtp:97 apt=96
                    a=rtpmap:102 H264/90000
                    a=rtcp-fb:102 nack pli
                    a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
                    a=ssrc:1111111111 cname:browsercname
                    """
                            .formatted(BROWSER_FINGERPRINT);
        }
        return sdp;
    }

    static String browserOffer() {
        return browserOffer(BROWSER_AUDIO_FORMATS, BROWSER_AUDIO_MAPS, true, "sendrecv");
    }

    /** A browser's answer to the broker's offer: one audio section, or audio and video, DTLS active. */
    static String browserAnswer(String audioFormats, String audioMaps, String videoFormats, String videoMaps) {
        String sdp =
                """
                v=0
                o=- 7770001 2 IN IP4 127.0.0.1
                s=-
                t=0 0
                a=group:BUNDLE 0%s
                m=audio 9 UDP/TLS/RTP/SAVPF %s
                c=IN IP4 0.0.0.0
                a=rtcp:9 IN IP4 0.0.0.0
                a=candidate:2 1 udp 2122260223 127.0.0.1 51000 typ host generation 0
                a=ice-ufrag:An5w
                a=ice-pwd:zX9cV8bN7mL6kJ5hG4fD3sA2
                a=fingerprint:%s
                a=setup:active
                a=mid:0
                a=sendrecv
                a=rtcp-mux
                %sa=ssrc:424242 cname:answercname
                """
                        .formatted(videoFormats == null ? "" : " 1", audioFormats, BROWSER_FINGERPRINT, audioMaps);
        if (videoFormats != null) {
            sdp +=
                    """
                    m=video 9 UDP/TLS/RTP/SAVPF %s
                    c=IN IP4 0.0.0.0
                    a=mid:1
                    a=sendrecv
                    a=rtcp-mux
                    a=rtcp-rsize
                    %sa=ssrc:434343 cname:answercname
                    """
                            .formatted(videoFormats, videoMaps);
        }
        return sdp;
    }

    /** A phone (SIPp-like) offer or answer on 192.0.2.20:30000 with the given formats and maps. */
    static String phone(String formats, String maps, String direction) {
        return """
                v=0
                o=user1 53655765 2353687637 IN IP4 192.0.2.20
                s=-
                c=IN IP4 192.0.2.20
                t=0 0
                m=audio 30000 RTP/AVP %s
                %sa=%s
                """
                .formatted(formats, maps, direction);
    }

    static String phonePcmu() {
        return phone("0 101", "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n", "sendrecv");
    }

    static SessionDescription parse(String sdp) {
        try {
            return SdpParser.parse(sdp);
        } catch (SdpParseException e) {
            throw new AssertionError("the broker wrote an SDP that does not parse", e);
        }
    }

    static MediaDescription media(String sdp, int index) {
        return parse(sdp).media().get(index);
    }
}
