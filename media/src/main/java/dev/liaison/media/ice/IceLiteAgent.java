package dev.liaison.media.ice;

import dev.liaison.media.stun.ErrorCode;
import dev.liaison.media.stun.StunAttributeType;
import dev.liaison.media.stun.StunDecodeException;
import dev.liaison.media.stun.StunIntegrity;
import dev.liaison.media.stun.StunMessage;
import dev.liaison.media.stun.StunMessageBuilder;
import dev.liaison.media.stun.StunMessageType;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ICE-lite agent of one session. It never sends checks: it answers the browser's binding requests (success with
 * XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT, or 400/401/420/487), binds the address nominated with
 * USE-CANDIDATE, and expires when no valid check came for {@code consentTimeout}. Thread-safe.
 */
public final class IceLiteAgent {

    private static final String SOFTWARE = "Liaison media";

    private final IceCredentials local;
    private final byte[] localKey;
    private final Clock clock;
    private final Duration consentTimeout;
    private volatile String remoteUfrag;
    private IceState state = IceState.WAITING;
    private Instant lastConsent;
    private InetSocketAddress nominated;

    public IceLiteAgent(IceCredentials local, String remoteUfrag, Clock clock, Duration consentTimeout) {
        this.local = local;
        this.localKey = StunIntegrity.shortTermKey(local.pwd());
        this.remoteUfrag = remoteUfrag;
        this.clock = clock;
        this.consentTimeout = consentTimeout;
        this.lastConsent = clock.instant();
    }

    public IceCredentials localCredentials() {
        return local;
    }

    /** The remote ufrag, once the offer or answer gave it (checks naming another one are refused with 401). */
    public void setRemoteUfrag(String remoteUfrag) {
        this.remoteUfrag = remoteUfrag;
    }

    public synchronized IceState state() {
        return state;
    }

    /** The address nominated by the controlling agent, once {@link IceState#CONNECTED}. */
    public synchronized Optional<InetSocketAddress> nominatedAddress() {
        return Optional.ofNullable(nominated);
    }

    /** Handles a binding request from {@code source}. */
    public synchronized CheckResult handle(StunMessage request, InetSocketAddress source) {
        if (!request.type().equals(StunMessageType.BINDING_REQUEST)
                || state == IceState.CONSENT_EXPIRED
                || state == IceState.CLOSED) {
            return CheckResult.discarded();
        }
        if (request.has(StunAttributeType.FINGERPRINT) && !StunIntegrity.hasValidFingerprint(request)) {
            return CheckResult.discarded();
        }
        List<Integer> unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            return CheckResult.reply(CheckOutcome.UNKNOWN_ATTRIBUTE, unknownAttribute(request, unknown));
        }
        Optional<String> username = request.username();
        if (username.isEmpty()
                || !request.has(StunAttributeType.MESSAGE_INTEGRITY)
                || !request.has(StunAttributeType.PRIORITY)) {
            return CheckResult.reply(CheckOutcome.BAD_REQUEST, error(request, ErrorCode.BAD_REQUEST, false));
        }
        if (!usernameMatches(username.get()) || !StunIntegrity.hasValidIntegrity(request, localKey)) {
            return CheckResult.reply(CheckOutcome.UNAUTHENTICATED, error(request, ErrorCode.UNAUTHENTICATED, false));
        }
        try {
            request.priority();
            if (request.iceControlled().isPresent()) {
                // A lite agent is always controlled: a peer that is controlled too has a role conflict.
                return CheckResult.reply(CheckOutcome.ROLE_CONFLICT, error(request, ErrorCode.ROLE_CONFLICT, true));
            }
            request.iceControlling();
        } catch (StunDecodeException e) {
            return CheckResult.reply(CheckOutcome.BAD_REQUEST, error(request, ErrorCode.BAD_REQUEST, true));
        }
        lastConsent = clock.instant();
        CheckOutcome outcome = CheckOutcome.SUCCESS;
        if (request.useCandidate()) {
            nominated = source;
            state = IceState.CONNECTED;
            outcome = CheckOutcome.NOMINATED;
        } else if (state == IceState.WAITING) {
            state = IceState.CHECKING;
        }
        byte[] response = new StunMessageBuilder(StunMessageType.BINDING_SUCCESS, request.transactionId())
                .xorMappedAddress(source)
                .build(localKey, true);
        return CheckResult.reply(outcome, response);
    }

    /**
     * Moves to {@link IceState#CONSENT_EXPIRED} when the last valid check is older than the consent timeout; returns
     * whether the agent is (now) expired.
     */
    public synchronized boolean expireConsent() {
        if (state == IceState.CONSENT_EXPIRED) {
            return true;
        }
        if (state != IceState.CLOSED
                && Duration.between(lastConsent, clock.instant()).compareTo(consentTimeout) > 0) {
            state = IceState.CONSENT_EXPIRED;
            return true;
        }
        return false;
    }

    public synchronized void close() {
        state = IceState.CLOSED;
    }

    private boolean usernameMatches(String username) {
        int colon = username.indexOf(':');
        if (colon < 0 || !username.substring(0, colon).equals(local.ufrag())) {
            return false;
        }
        String remote = remoteUfrag;
        return remote == null || username.substring(colon + 1).equals(remote);
    }

    private byte[] error(StunMessage request, ErrorCode code, boolean authenticated) {
        return new StunMessageBuilder(StunMessageType.BINDING_ERROR, request.transactionId())
                .errorCode(code)
                .software(SOFTWARE)
                .build(authenticated ? localKey : null, true);
    }

    private byte[] unknownAttribute(StunMessage request, List<Integer> unknown) {
        return new StunMessageBuilder(StunMessageType.BINDING_ERROR, request.transactionId())
                .errorCode(ErrorCode.UNKNOWN_ATTRIBUTE)
                .unknownAttributes(unknown)
                .build(null, true);
    }
}
