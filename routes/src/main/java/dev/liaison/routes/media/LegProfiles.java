package dev.liaison.routes.media;

import dev.liaison.gateway.call.LegKind;
import dev.liaison.media.bridge.LegProfile;

/** The gateway's kinds of call leg as the media broker sees them. */
final class LegProfiles {

    private LegProfiles() {}

    /**
     * Browsers, whether on the client protocol or on SIP over WebSocket, are WebRTC peers; SIP trunk legs are RTP
     * peers. An {@link LegKind#ORIGIN} leg (a callback the node places) offers held plain RTP/AVP media ({@code a=inactive},
     * no address) and never sends any, so it is an RTP peer: the broker answers it like a phone on hold.
     */
    static LegProfile of(LegKind kind) {
        return switch (kind) {
            case CLIENT, SIP_WS -> LegProfile.WEBRTC;
            case SIP, ORIGIN -> LegProfile.RTP;
        };
    }
}
