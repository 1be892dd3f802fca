package dev.liaison.gateway.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller side of a call that the node places itself ({@link B2bua#originate}): a callback rings the customer before
 * any agent media endpoint exists. It offers held media ({@code a=inactive}, no address) so the called side can answer,
 * answers every renegotiation with held media too, and never sends or receives media. Thread-safe.
 */
public final class OriginLeg implements CallLeg {

    private static final Logger log = LoggerFactory.getLogger(OriginLeg.class);

    private final String id = "o-" + UUID.randomUUID().toString().replace("-", "");
    private final String identity;
    private LegState state = LegState.CALLING;
    private LegListener listener;
    private int sdpVersion = 1;

    /** @param identity what this side is, for logs (for example {@code callback:<id>}) */
    public OriginLeg(String identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The held-media SDP offer this side makes: one audio stream, PCMU/PCMA and DTMF events, inactive. */
    public synchronized String offer() {
        return session() + "m=audio 9 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\na=inactive\r\n";
    }

    /**
     * A held-media answer to {@code offer}: every stream of the offer accepted with its formats and their
     * {@code rtpmap}/{@code fmtp} lines, on the discard port, {@code inactive}.
     */
    static String heldAnswer(String session, String offer) {
        StringBuilder answer = new StringBuilder(session);
        List<String> lines = new ArrayList<>(List.of(offer.split("\r?\n")));
        boolean inMedia = false;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                if (inMedia) {
                    answer.append("a=inactive\r\n");
                }
                inMedia = true;
                String[] parts = line.substring(2).trim().split("\\s+");
                if (parts.length < 4) {
                    throw new IllegalArgumentException("malformed m-line: " + line);
                }
                answer.append("m=").append(parts[0]).append(" 9 ").append(parts[2]);
                for (int i = 3; i < parts.length; i++) {
                    answer.append(' ').append(parts[i]);
                }
                answer.append("\r\n");
            } else if (inMedia && (line.startsWith("a=rtpmap:") || line.startsWith("a=fmtp:"))) {
                answer.append(line.trim()).append("\r\n");
            }
        }
        if (inMedia) {
            answer.append("a=inactive\r\n");
        }
        return answer.toString();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LegKind kind() {
        return LegKind.ORIGIN;
    }

    @Override
    public synchronized LegState state() {
        return state;
    }

    @Override
    public String remoteIdentity() {
        return identity;
    }

    @Override
    public void start(Optional<String> sdpOffer) {
        log.info("Origin leg {}: start ignored (it is always the caller side)", id);
    }

    @Override
    public synchronized void ringing(Optional<String> earlySdp) {
        if (state == LegState.CALLING) {
            state = LegState.RINGING;
        }
    }

    @Override
    public synchronized void answer(String sdp) {
        if (state == LegState.CALLING || state == LegState.RINGING) {
            state = LegState.ANSWERED;
        }
    }

    @Override
    public void reject(EndReason reason) {
        end();
    }

    @Override
    public void hangUp(EndReason reason) {
        end();
    }

    @Override
    public void updateMedia(String sdpOffer) {
        String answer;
        LegListener current;
        synchronized (this) {
            if (state != LegState.ANSWERED) {
                log.info("Origin leg {}: media update ignored in state {}", id, state);
                return;
            }
            sdpVersion++;
            answer = heldAnswer(session(), sdpOffer);
            current = listener;
        }
        if (current != null) {
            current.onMediaAnswer(this, answer);
        }
    }

    @Override
    public void answerMediaUpdate(String sdpAnswer) {
        // The held offer needs nothing from the answer: no media flows on this side.
    }

    @Override
    public synchronized void setListener(LegListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    private synchronized void end() {
        state = LegState.ENDED;
    }

    private String session() {
        return "v=0\r\no=liaison 1 " + sdpVersion + " IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n";
    }
}
