package dev.liaison.media.bridge;

import dev.liaison.media.bridge.MediaRefusedException.Reason;
import dev.liaison.media.codec.TranscoderMetrics;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegFactory;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.leg.MediaLeg;
import dev.liaison.media.sdp.BridgePlan;
import dev.liaison.media.sdp.Direction;
import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.RtpMap;
import dev.liaison.media.sdp.SdpParseException;
import dev.liaison.media.sdp.SdpParser;
import dev.liaison.media.sdp.SessionDescription;
import dev.liaison.media.srtp.SrtpProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's bridge: two sides, each with a leg opened at the first SDP that concerns it, the offer waiting for its
 * answer, the media sections negotiated so far, and a relay per direction. Offers and answers are serialized on the
 * bridge; {@link #close()} is not, so a leg ending on its own thread never waits for signaling.
 */
final class Bridge {
    private static final Logger log = LoggerFactory.getLogger(Bridge.class);

    /** What every bridge of a {@link Bridges} shares. */
    record Environment(
            LegFactory legs,
            BridgeSettings settings,
            BrokerSdp sdp,
            Clock clock,
            BridgeMetrics metrics,
            TranscoderMetrics transcoderMetrics,
            DtmfTimer dtmfTimer,
            DtmfTimer detectionTimer,
            DtmfListener dtmfListener) {}

    final String id;
    final String callId;
    private final Environment env;
    private final BiConsumer<Bridge, LegEndReason> onEnd;
    private final Side a = new Side(BridgeSide.A);
    private final Side b = new Side(BridgeSide.B);
    private final Relay fromA;
    private final Relay fromB;
    private final DtmfPlayer dtmfToA;
    private final DtmfPlayer dtmfToB;
    private final AtomicBoolean closed = new AtomicBoolean();
    private PendingOffer pending;
    private volatile List<NegotiatedLine> lines = List.of();
    private volatile Instant negotiatedAt;

    Bridge(String id, String callId, Environment env, BiConsumer<Bridge, LegEndReason> onEnd) {
        this.id = id;
        this.callId = callId;
        this.env = env;
        this.onEnd = onEnd;
        this.fromA =
                new Relay(b::leg, b::ssrc, env.metrics(), env.transcoderMetrics(), env.clock(), detector(BridgeSide.A));
        this.fromB =
                new Relay(a::leg, a::ssrc, env.metrics(), env.transcoderMetrics(), env.clock(), detector(BridgeSide.B));
        this.dtmfToA = new DtmfPlayer(id, BridgeSide.A, fromB, env.dtmfTimer(), env.metrics());
        this.dtmfToB = new DtmfPlayer(id, BridgeSide.B, fromA, env.dtmfTimer(), env.metrics());
    }

    /** Hears the telephone-events side {@code from} sends and reports its keys to the listener. */
    private TelephoneEventDetector detector(BridgeSide from) {
        return new TelephoneEventDetector(env.clock(), env.detectionTimer(), env.metrics(), key -> {
            try {
                env.dtmfListener().received(id, callId, from, key);
            } catch (RuntimeException e) {
                log.warn("bridge {}: DTMF listener failed on key {} from side {}", id, key.digit(), from, e);
            }
        });
    }

    /** Queues one DTMF digit as RFC 4733 events towards {@code side}; see {@link DtmfPlayer#play}. */
    void dtmf(BridgeSide side, char digit, int durationMillis) {
        ensureOpen();
        (side == BridgeSide.A ? dtmfToA : dtmfToB).play(digit, durationMillis);
    }

    /** Digits waiting or playing towards {@code side} (for tests). */
    int dtmfPending(BridgeSide side) {
        return (side == BridgeSide.A ? dtmfToA : dtmfToB).pending();
    }

    /** Both legs' counters now. */
    BridgeStatistics statistics() {
        return new BridgeStatistics(id, callId, statistics(a), statistics(b));
    }

    private static dev.liaison.media.leg.LegStatistics statistics(Side side) {
        MediaLeg leg = side.leg();
        return leg == null ? BridgeStatistics.NO_LEG : leg.statistics();
    }

    synchronized String offer(BridgeSide side, LegProfile from, LegProfile to, String text) {
        ensureOpen();
        if (pending != null && pending.offerer() != side) {
            throw new MediaRefusedException(
                    Reason.OFFER_PENDING, "side " + side.other() + "'s offer waits for its answer");
        }
        Side offerer = side(side);
        Side other = side(side.other());
        checkProfile(offerer, from);
        checkProfile(other, to);
        SessionDescription sdp = parse(text);
        if (sdp.media().isEmpty()) {
            throw new MediaRefusedException(Reason.MALFORMED_SDP, "an offer without media sections");
        }
        List<OfferedLine> offered = offeredLines(sdp, from, to);
        Optional<OfferedLine> first =
                offered.stream().filter(OfferedLine::accepted).findFirst();
        if (first.isEmpty()) {
            throw new MediaRefusedException(Reason.NO_COMMON_CODEC, "no codec side " + side.other() + " can take");
        }
        MediaDescription transport = sdp.media().get(first.get().index());
        PeerTransport.WebRtcPeer webRtcPeer = null;
        PeerTransport.RtpPeer rtpPeer = null;
        if (from == LegProfile.WEBRTC) {
            webRtcPeer = PeerTransport.webRtc(sdp, transport, "actpass");
        } else {
            rtpPeer = PeerTransport.rtp(sdp, transport, false);
        }
        openLeg(offerer, from, rtpPeer == null ? Optional.empty() : rtpPeer.sdes());
        openLeg(other, to, env.settings().sdesOffer());
        if (webRtcPeer != null) {
            webRtcPeer.applyTo(offerer.webRtc());
        } else {
            rtpPeer.applyTo(offerer.rtp());
        }
        String brokerOffer = env.sdp().offer(other, offered);
        pending = new PendingOffer(
                side,
                offered,
                webRtcPeer == null ? "actpass" : webRtcPeer.setup(),
                rtpPeer == null ? Optional.empty() : rtpPeer.cryptoTag(),
                rtpPeer != null && rtpPeer.rtcpMux());
        log.debug("bridge {} call {}: offer from {} passed to {}", id, callId, side, side.other());
        return brokerOffer;
    }

    synchronized String answer(BridgeSide side, LegProfile from, String text) {
        ensureOpen();
        if (pending == null || pending.offerer() == side) {
            throw new MediaRefusedException(Reason.UNEXPECTED_ANSWER, "no offer of side " + side.other() + " pending");
        }
        Side answerer = side(side);
        checkProfile(answerer, from);
        SessionDescription sdp = parse(text);
        if (sdp.media().size() > pending.lines().size()) {
            throw new MediaRefusedException(
                    Reason.MALFORMED_SDP,
                    "the answer has " + sdp.media().size() + " media sections, the offer "
                            + pending.lines().size());
        }
        List<NegotiatedLine> next = new ArrayList<>();
        MediaDescription transport = null;
        for (OfferedLine offered : pending.lines()) {
            if (offered.index() >= sdp.media().size()) {
                // a phone that leaves out the sections the broker refused: taken as refused too (RFC 3264 wants them)
                next.add(line(
                        offered,
                        false,
                        pending.offerer(),
                        List.of(),
                        List.of(),
                        null,
                        offered.direction(),
                        offered.direction().reverse()));
                continue;
            }
            MediaDescription section = sdp.media().get(offered.index());
            NegotiatedLine line = negotiate(offered, section, direction(sdp, section, from), pending.offerer());
            if (line.accepted() && transport == null) {
                transport = section;
            }
            next.add(line);
        }
        if (transport == null) {
            pending = null;
            throw new MediaRefusedException(Reason.NO_COMMON_CODEC, "the answer accepts no media section");
        }
        if (from == LegProfile.WEBRTC) {
            PeerTransport.webRtc(sdp, transport, "active").applyTo(answerer.webRtc());
        } else {
            boolean sdes = answerer.rtp().localCrypto().isPresent();
            PeerTransport.rtp(sdp, transport, sdes).applyTo(answerer.rtp());
        }
        String brokerAnswer = env.sdp().answer(side(pending.offerer()), pending, next);
        lines = List.copyOf(next);
        tellClockRates(lines);
        pending = null;
        negotiatedAt = env.clock().instant();
        fromA.update(lines, BridgeSide.A);
        fromB.update(lines, BridgeSide.B);
        log.debug(
                "bridge {} call {}: answered, plans {}",
                id,
                callId,
                next.stream().map(Bridge::describe).toList());
        return brokerAnswer;
    }

    /** Releases both legs; true the first time. Safe from any thread, including a leg's own. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        fromA.close();
        fromB.close();
        dtmfToA.close();
        dtmfToB.close();
        closeLeg(a.leg());
        closeLeg(b.leg());
        return true;
    }

    /** A side that should be sending (by its direction) has been silent for {@code timeout} since the answer. */
    boolean inactive(Instant now, Duration timeout) {
        Instant since = negotiatedAt;
        if (since == null || closed.get()) {
            return false;
        }
        for (BridgeSide side : BridgeSide.values()) {
            boolean sending = lines.stream().anyMatch(l -> l.accepted() && NegotiatedLine.sends(l.direction(side)));
            MediaLeg leg = side(side).leg();
            if (!sending || leg == null) {
                continue;
            }
            Instant last = leg.lastReceived().filter(t -> t.isAfter(since)).orElse(since);
            if (Duration.between(last, now).compareTo(timeout) > 0) {
                return true;
            }
        }
        return false;
    }

    List<NegotiatedLine> lines() {
        return lines;
    }

    private List<OfferedLine> offeredLines(SessionDescription sdp, LegProfile from, LegProfile to) {
        boolean oneAudioOnly = from == LegProfile.RTP || to == LegProfile.RTP;
        boolean audioTaken = false;
        List<OfferedLine> offered = new ArrayList<>();
        List<MediaDescription> sections = sdp.media();
        for (int i = 0; i < sections.size(); i++) {
            MediaDescription section = sections.get(i);
            String media = section.media();
            boolean usable = (media.equals("audio") || media.equals("video"))
                    && section.protocol().contains("RTP")
                    && section.port() != 0;
            if (usable && oneAudioOnly) {
                // an RTP leg is one port pair: it carries the first audio section, nothing else
                usable = media.equals("audio") && !audioTaken;
            }
            List<RtpMap> codecs = section.codecs();
            List<RtpMap> toOther =
                    usable ? Codecs.offerCodecs(media, codecs, env.settings().codecs(to)) : List.of();
            boolean accepted = toOther.stream().anyMatch(c -> !c.isAuxiliary());
            audioTaken |= accepted && media.equals("audio");
            offered.add(new OfferedLine(
                    i,
                    media,
                    section.protocol(),
                    section.formats(),
                    section.mid(),
                    accepted,
                    codecs,
                    toOther,
                    direction(sdp, section, from),
                    false));
        }
        // a phone that drops refused sections from a re-offer: the other side still gets every section it had
        for (int i = sections.size(); i < lines.size(); i++) {
            NegotiatedLine before = lines.get(i);
            List<String> format = List.of(before.video() ? "96" : "0");
            offered.add(new OfferedLine(
                    i,
                    before.media(),
                    "RTP/AVP",
                    format,
                    Optional.empty(),
                    false,
                    List.of(),
                    List.of(),
                    Direction.INACTIVE,
                    true));
        }
        return offered;
    }

    private static NegotiatedLine negotiate(
            OfferedLine offered, MediaDescription section, Direction answered, BridgeSide offerer) {
        Direction offerDirection = offered.direction();
        if (!offered.accepted() || section.port() == 0) {
            return line(offered, false, offerer, List.of(), List.of(), null, offerDirection, answered);
        }
        List<RtpMap> theirs = section.codecs().stream()
                .filter(c -> Codecs.same(offered.offered(), c).isPresent())
                .toList();
        Optional<BridgePlan> plan = Codecs.plan(offered.media(), offered.offererCodecs(), theirs);
        if (plan.isEmpty()) {
            return line(offered, false, offerer, List.of(), List.of(), null, offerDirection, answered);
        }
        RtpMap mine = plan.get().codecA();
        List<RtpMap> offererUses = new ArrayList<>(List.of(mine));
        if (theirs.stream().anyMatch(Codecs::isEvent)) {
            Codecs.event(offered.offererCodecs(), mine.clockRate()).ifPresent(offererUses::add);
        }
        return line(offered, true, offerer, offererUses, theirs, plan.get(), offerDirection, answered);
    }

    private static NegotiatedLine line(
            OfferedLine offered,
            boolean accepted,
            BridgeSide offerer,
            List<RtpMap> offererCodecs,
            List<RtpMap> answererCodecs,
            BridgePlan plan,
            Direction offerDirection,
            Direction answerDirection) {
        boolean aOffered = offerer == BridgeSide.A;
        RtpMap offererPlan = plan == null ? null : plan.codecA();
        RtpMap answererPlan = plan == null ? null : plan.codecB();
        return new NegotiatedLine(
                offered.index(),
                offered.media(),
                accepted,
                List.copyOf(aOffered ? offererCodecs : answererCodecs),
                List.copyOf(aOffered ? answererCodecs : offererCodecs),
                aOffered ? offererPlan : answererPlan,
                aOffered ? answererPlan : offererPlan,
                plan != null && plan.transcodingNeeded(),
                aOffered ? offerDirection : answerDirection,
                aOffered ? answerDirection : offerDirection);
    }

    /** The section's direction, else the session's; an RTP hold address (0.0.0.0) means it does not receive. */
    private static Direction direction(SessionDescription sdp, MediaDescription section, LegProfile profile) {
        Direction direction = Direction.SENDRECV;
        boolean found = false;
        for (Direction d : Direction.values()) {
            if (section.hasAttribute(d.attributeName())) {
                direction = d;
                found = true;
            }
        }
        if (!found) {
            for (Direction d : Direction.values()) {
                if (sdp.hasAttribute(d.attributeName())) {
                    direction = d;
                }
            }
        }
        if (profile == LegProfile.RTP) {
            Optional<String> connection = section.connection().or(sdp::connection);
            boolean hold = connection
                    .map(Addresses::fromConnection)
                    .filter(Optional::isEmpty)
                    .isPresent();
            if (hold) {
                direction = switch (direction) {
                    case SENDRECV -> Direction.SENDONLY;
                    case RECVONLY -> Direction.INACTIVE;
                    default -> direction;
                };
            }
        }
        return direction;
    }

    private void openLeg(Side side, LegProfile profile, Optional<SrtpProfile> sdes) {
        if (side.leg() != null) {
            return;
        }
        MediaLeg leg;
        try {
            leg = profile == LegProfile.WEBRTC
                    ? env.legs().openWebRtc(id)
                    : env.legs().openRtp(id, sdes);
        } catch (LegUnavailableException e) {
            throw new MediaRefusedException(Reason.UNAVAILABLE, e.getMessage(), e);
        }
        side.attach(profile, leg);
        leg.listen(new SideListener(side.side));
        if (closed.get()) {
            closeLeg(leg);
            throw new MediaRefusedException(Reason.UNKNOWN_BRIDGE, "bridge " + id + " closed");
        }
    }

    private void rtcp(BridgeSide receivedOn, byte[] packet, int length) {
        if (closed.get()) {
            env.metrics().dropped(RelayDrop.CLOSED);
            return;
        }
        Relay toReceiver = relayFrom(receivedOn.other());
        Side source = side(receivedOn.other());
        long sender = lines.stream()
                .filter(l -> l.accepted() && l.video())
                .findFirst()
                .map(l -> source.ssrc(l.index()))
                .orElse(0L);
        RtcpFeedback.Result result = RtcpFeedback.rewrite(packet, length, sender, new RtcpFeedback.Sources() {
            @Override
            public long source(long brokerSsrc) {
                return toReceiver.videoSource(brokerSsrc);
            }

            @Override
            public int sourceSequence(long brokerSsrc, int sequence) {
                return toReceiver.videoSourceSequence(brokerSsrc, sequence);
            }
        });
        for (int i = 0; i < result.terminated(); i++) {
            env.metrics().dropped(RelayDrop.RTCP_TERMINATED);
        }
        for (int i = 0; i < result.unmapped(); i++) {
            env.metrics().dropped(RelayDrop.RTCP_FEEDBACK_UNMAPPED);
        }
        if (result.forward() == null) {
            return;
        }
        MediaLeg leg = source.leg();
        if (leg == null || !leg.ready()) {
            env.metrics().dropped(RelayDrop.LEG_NOT_READY);
        } else if (leg.sendRtcp(result.forward(), result.forward().length)) {
            env.metrics().rtcpForwarded();
        } else {
            env.metrics().dropped(RelayDrop.SEND_FAILED);
        }
    }

    /** Each leg learns the clock rate of every payload type of the answer, for its jitter and its RTCP reports. */
    private void tellClockRates(List<NegotiatedLine> negotiated) {
        for (BridgeSide s : BridgeSide.values()) {
            MediaLeg leg = side(s).leg();
            if (leg == null) {
                continue;
            }
            for (NegotiatedLine line : negotiated) {
                for (RtpMap codec : line.codecs(s)) {
                    if (codec.payloadType() >= 0 && codec.payloadType() <= 127 && codec.clockRate() > 0) {
                        leg.clockRate(codec.payloadType(), codec.clockRate());
                    }
                }
            }
        }
    }

    private Side side(BridgeSide side) {
        return side == BridgeSide.A ? a : b;
    }

    private Relay relayFrom(BridgeSide side) {
        return side == BridgeSide.A ? fromA : fromB;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new MediaRefusedException(Reason.UNKNOWN_BRIDGE, "bridge " + id + " closed");
        }
    }

    private static void checkProfile(Side side, LegProfile profile) {
        if (side.leg() != null && side.profile() != profile) {
            throw new MediaRefusedException(
                    Reason.MALFORMED_SDP, "side " + side.side + " is a " + side.profile() + " leg, not " + profile);
        }
    }

    private static SessionDescription parse(String text) {
        try {
            return SdpParser.parse(text);
        } catch (SdpParseException e) {
            throw new MediaRefusedException(Reason.MALFORMED_SDP, e.reason() + ": " + e.getMessage(), e);
        }
    }

    private void closeLeg(MediaLeg leg) {
        if (leg == null) {
            return;
        }
        try {
            leg.close();
        } catch (RuntimeException e) {
            log.warn("bridge {}: closing leg {} failed", id, leg.id(), e);
        }
    }

    private static String describe(NegotiatedLine line) {
        if (!line.accepted()) {
            return line.media() + " refused";
        }
        return line.media() + (line.transcode() ? " transcode " : " pass-through ")
                + line.planA().encoding() + "/" + line.planB().encoding();
    }

    /** The bridge's ears on one leg. */
    private final class SideListener implements LegListener {
        private final BridgeSide side;

        SideListener(BridgeSide side) {
            this.side = side;
        }

        @Override
        public void rtp(MediaLeg from, byte[] packet, int length) {
            try {
                relayFrom(side).rtp(packet, length);
            } catch (RuntimeException e) {
                // a bug must not kill the leg's receiving thread: drop the packet, count and log it
                env.metrics().dropped(RelayDrop.RELAY_FAILED);
                log.warn("bridge {}: relaying an RTP packet from side {} failed", id, side, e);
            }
        }

        @Override
        public void rtcp(MediaLeg from, byte[] packet, int length) {
            try {
                Bridge.this.rtcp(side, packet, length);
            } catch (RuntimeException e) {
                env.metrics().dropped(RelayDrop.RELAY_FAILED);
                log.warn("bridge {}: handling an RTCP packet from side {} failed", id, side, e);
            }
        }

        @Override
        public void ended(MediaLeg leg, LegEndReason reason) {
            onEnd.accept(Bridge.this, reason);
        }
    }
}
