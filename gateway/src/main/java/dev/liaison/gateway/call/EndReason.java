package dev.liaison.gateway.call;

import java.util.Objects;

/**
 * Why a leg or a call ended, in a form both sides understand: a stable code for the JSON protocol and the SIP status
 * that carries the same meaning (used in final responses and in the {@code Reason} header, RFC 3326).
 *
 * @param code stable machine-readable code, for example {@code busy}, {@code no-answer}, {@code normal}
 * @param sipStatus the SIP status code with the same meaning (200 for a normal hang-up)
 * @param text a short human-readable explanation
 */
public record EndReason(String code, int sipStatus, String text) {

    public static final EndReason NORMAL = new EndReason("normal", 200, "Call ended");
    public static final EndReason BUSY = new EndReason("busy", 486, "Busy here");
    public static final EndReason DECLINED = new EndReason("declined", 603, "Declined");
    public static final EndReason NO_ANSWER = new EndReason("no-answer", 480, "No answer");
    public static final EndReason CANCELLED = new EndReason("cancelled", 487, "Request terminated");
    public static final EndReason NOT_FOUND = new EndReason("not-found", 404, "Destination not found");
    public static final EndReason FORBIDDEN = new EndReason("forbidden", 403, "Destination not allowed");
    public static final EndReason UNAVAILABLE = new EndReason("unavailable", 503, "Service unavailable");
    public static final EndReason MEDIA_TIMEOUT = new EndReason("media-timeout", 408, "No media received");
    public static final EndReason DETACH_TIMEOUT = new EndReason("detach-timeout", 408, "Client did not reconnect");
    public static final EndReason ERROR = new EndReason("error", 500, "Internal error");

    public EndReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (sipStatus < 200 || sipStatus > 699) {
            throw new IllegalArgumentException("sipStatus must be a final SIP status, got " + sipStatus);
        }
    }

    /** The reason that matches a final SIP error response received from the far end. */
    public static EndReason fromSipStatus(int status, String reasonPhrase) {
        return switch (status) {
            case 486, 600 -> BUSY;
            case 603 -> DECLINED;
            case 480, 408 -> NO_ANSWER;
            case 487 -> CANCELLED;
            case 404, 484, 604 -> NOT_FOUND;
            case 403 -> FORBIDDEN;
            case 503 -> UNAVAILABLE;
            default -> new EndReason("sip-" + status, status, reasonPhrase == null ? "SIP " + status : reasonPhrase);
        };
    }
}
