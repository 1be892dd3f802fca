package dev.liaison.gateway.sip;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetAddress;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * A request as a handler sees it: the request, its server transaction (none for ACK) and where it came from.
 *
 * @param transaction the server transaction; {@code null} only for ACK
 */
record IncomingRequest(Request request, ServerTransaction transaction) {

    String method() {
        return request.getMethod();
    }

    String callId() {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return header == null ? null : header.getCallId();
    }

    /** Whether the request belongs to an existing dialog (its To header has a tag). */
    boolean inDialog() {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    /** The address the request's packet or connection came from. */
    InetAddress source() {
        if (request instanceof SIPRequest sipRequest) {
            InetAddress packetSource = sipRequest.getPeerPacketSourceAddress();
            return packetSource != null ? packetSource : sipRequest.getRemoteAddress();
        }
        return null;
    }
}
