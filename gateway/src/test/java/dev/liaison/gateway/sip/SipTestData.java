package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.MediaMode;
import java.util.Map;
import java.util.Optional;

/** SDP and call requests the call-flow tests send; the SDP stands for what the media broker would produce. */
final class SipTestData {

    static final String OFFER = sdp("sendrecv", 40000);
    static final String HOLD_OFFER = sdp("sendonly", 40000);
    static final String ANSWER = sdp("sendrecv", 40002);

    private SipTestData() {}

    static String sdp(String direction, int port) {
        return "v=0\r\n"
                + "o=liaison 1 1 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=" + direction + "\r\n";
    }

    static CallRequest request() {
        return new CallRequest("support", Optional.of(OFFER), MediaMode.AUDIO, Optional.empty(), Map.of());
    }
}
