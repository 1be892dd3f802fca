package dev.liaison.gateway.sipws;

import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * SIP messages in and out of one WebSocket frame, on jain-sip-ri's parser ({@link StringMsgParser}) and message
 * classes. A message whose headers do not parse is still read as far as possible, so that a request with its
 * transaction headers intact can get a 400 that names the problem; anything less is dropped.
 */
final class SipWsCodec {

    /** The outcome of reading one frame. */
    sealed interface Parsed {
        /** A well-formed message. */
        record Ok(SIPMessage message) implements Parsed {}

        /** A malformed request that can be answered with 400 {@code reason}. */
        record Answerable(SIPRequest request, String reason) implements Parsed {}

        /** Garbage that cannot be answered. */
        record Unanswerable(String reason) implements Parsed {}
    }

    Parsed parse(String frame) {
        String[] firstError = new String[1];
        SIPMessage message;
        try {
            message = new StringMsgParser()
                    .parseSIPMessage(
                            frame.getBytes(StandardCharsets.UTF_8),
                            true,
                            false,
                            (e, msg, headerClass, headerText, messageText) -> {
                                if (firstError[0] == null) {
                                    firstError[0] = "Bad header '" + firstLine(headerText) + "'";
                                }
                            });
        } catch (ParseException | RuntimeException e) {
            return new Parsed.Unanswerable(e.getMessage() == null ? "unparseable" : e.getMessage());
        }
        if (message == null) {
            return new Parsed.Unanswerable("empty message");
        }
        boolean complete = message.getTopmostVia() != null
                && message.getFrom() != null
                && message.getTo() != null
                && message.getCallId() != null
                && message.getCSeq() != null;
        if (firstError[0] == null && !complete) {
            firstError[0] = "Missing a mandatory header (Via, From, To, Call-ID, CSeq)";
        }
        if (firstError[0] == null
                && message instanceof SIPRequest request
                && !request.getMethod().equals(request.getCSeq().getMethod())) {
            firstError[0] = "CSeq method does not match the request method";
        }
        if (firstError[0] == null) {
            return new Parsed.Ok(message);
        }
        if (message instanceof SIPRequest request && complete && !SipWsMethods.ACK.equals(request.getMethod())) {
            return new Parsed.Answerable(request, firstError[0]);
        }
        return new Parsed.Unanswerable(firstError[0]);
    }

    /**
     * Marks where a request came from on its topmost Via (RFC 7118 section 5, RFC 3581): {@code received} is the
     * socket's address and {@code rport} its port, so responses retrace the WebSocket.
     */
    static void stampVia(SIPRequest request, String remoteHost, int remotePort) {
        Via via = request.getTopmostVia();
        try {
            via.setReceived(remoteHost);
            if (via.hasParameter("rport")) {
                via.setParameter("rport", Integer.toString(remotePort));
            }
        } catch (ParseException e) {
            throw new SipWsException(400, "Bad Via: " + e.getMessage());
        }
    }

    /** A response to {@code request}; {@code toTag} is added unless the request's To already has a tag. */
    static String response(
            SIPRequest request,
            int status,
            String reason,
            Optional<String> toTag,
            List<String> headers,
            Optional<String> sdp) {
        SIPResponse response = request.createResponse(status, reason);
        To to = (To) response.getTo();
        if (to.getTag() == null && toTag.isPresent() && status != 100) {
            try {
                to.setTag(toTag.get());
            } catch (ParseException e) {
                throw new IllegalArgumentException("Bad tag " + toTag.get(), e);
            }
        }
        StringBuilder text = new StringBuilder(response.encode());
        // encode() ends with the empty line after Content-Length: 0; add our own headers and body before it.
        int end = text.indexOf("\r\nContent-Length:");
        String head = end < 0 ? text.substring(0, text.length() - 4) : text.substring(0, end);
        StringBuilder out = new StringBuilder(head).append("\r\n");
        headers.forEach(h -> out.append(h).append("\r\n"));
        return withBody(out, sdp);
    }

    /** Ends a message head (ending in CRLF) with Content-Type, Content-Length and the body. */
    static String withBody(StringBuilder head, Optional<String> sdp) {
        if (sdp.isPresent()) {
            byte[] body = sdp.get().getBytes(StandardCharsets.UTF_8);
            head.append("Content-Type: application/sdp\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n\r\n")
                    .append(sdp.get());
        } else {
            head.append("Content-Length: 0\r\n\r\n");
        }
        return head.toString();
    }

    /** The SDP body of a message, if it has one. */
    static Optional<String> sdp(SIPMessage message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new String(raw, StandardCharsets.UTF_8));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) : line;
    }
}
