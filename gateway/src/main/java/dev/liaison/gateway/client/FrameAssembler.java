package dev.liaison.gateway.client;

import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Joins the parts of one text message as the container hands them over (in chunks of its own buffer size), so a
 * connection holds only as much memory as the message it is receiving, never a buffer sized for the largest allowed
 * message. A message longer than {@code maxBytes} (UTF-8) is refused with {@code too-large} as soon as it is known to
 * be too long. Used from the connection's serial receive path.
 */
public final class FrameAssembler {

    private final int maxBytes;
    private final StringBuilder partial = new StringBuilder();
    private boolean refusing;

    public FrameAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds a part; returns the whole message after its last part. Throws {@code too-large} once, then drops the rest. */
    public synchronized Optional<String> append(String part, boolean last) {
        if (refusing) {
            if (last) {
                refusing = false;
            }
            return Optional.empty();
        }
        // A UTF-8 byte count is at least the char count: too many chars is already too large.
        if (partial.length() + part.length() > maxBytes) {
            partial.setLength(0);
            partial.trimToSize();
            refusing = !last;
            throw tooLarge();
        }
        if (partial.length() == 0 && last) {
            return checked(part);
        }
        partial.append(part);
        if (!last) {
            return Optional.empty();
        }
        String message = partial.toString();
        partial.setLength(0);
        partial.trimToSize();
        return checked(message);
    }

    private Optional<String> checked(String message) {
        if (message.length() * 3L > maxBytes && message.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw tooLarge();
        }
        return Optional.of(message);
    }

    private ClientProtocolException tooLarge() {
        return new ClientProtocolException(ClientErrorCode.TOO_LARGE, "Messages are at most " + maxBytes + " bytes");
    }
}
