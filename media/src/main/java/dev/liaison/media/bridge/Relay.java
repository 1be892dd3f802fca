package dev.liaison.media.bridge;

import dev.liaison.media.codec.AudioPacket;
import dev.liaison.media.codec.G711;
import dev.liaison.media.codec.G711ToOpusTranscoder;
import dev.liaison.media.codec.OpusToG711Transcoder;
import dev.liaison.media.codec.TelephoneEventRelay;
import dev.liaison.media.codec.TranscoderMetrics;
import dev.liaison.media.leg.MediaLeg;
import dev.liaison.media.sdp.RtpMap;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * One direction of a bridge: RTP received on one side's leg, sent on the other's. Each inbound payload type has a
 * route, rebuilt at every answer: pass through (payload type and SSRC rewritten, numbers continued), transcode
 * (Opus to G.711 or back), or a telephone event rescaled to the other side's clock. Called on the receiving leg's
 * thread; the routes are swapped by the signaling thread.
 */
final class Relay {
    private final Supplier<MediaLeg> target;
    private final IntToLongFunction ssrcOfLine;
    private final BridgeMetrics metrics;
    private final TranscoderMetrics transcoderMetrics;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<Integer, OutboundStream> streams = new HashMap<>();
    private volatile Route[] routes;
    /** The clock of each telephone-event payload type the source side sends (0: not one), rebuilt with the routes. */
    private volatile int[] eventClocks;

    private final TelephoneEventDetector detector;
    private volatile EventTarget eventTarget;
    private volatile boolean closed;

    /**
     * Where generated DTMF goes on the target leg: the first accepted audio section, the target side's telephone-event
     * (at the clock of its audio codec when it has one there; payload type -1 when it negotiated none), and whether
     * that side receives now.
     */
    record EventTarget(int line, int payloadType, int clockRate, boolean receives) {}

    /**
     * @param target the leg packets go out on (opened lazily, so asked for each packet)
     * @param ssrcOfLine the broker's SSRC on the target leg for a media section
     * @param detector hears the source's telephone-events (after they are relayed)
     */
    Relay(
            Supplier<MediaLeg> target,
            IntToLongFunction ssrcOfLine,
            BridgeMetrics metrics,
            TranscoderMetrics transcoderMetrics,
            Clock clock,
            TelephoneEventDetector detector) {
        this.detector = detector;
        this.target = target;
        this.ssrcOfLine = ssrcOfLine;
        this.metrics = metrics;
        this.transcoderMetrics = transcoderMetrics;
        this.clock = clock;
    }

    /** New routes after an answer: what {@code from} sends, mapped onto what the other side takes. */
    void update(List<NegotiatedLine> lines, BridgeSide from) {
        Route[] next = new Route[128];
        int[] clocks = new int[128];
        BridgeSide to = from.other();
        for (NegotiatedLine line : lines) {
            if (!line.accepted()) {
                continue;
            }
            for (RtpMap codec : line.codecs(from)) {
                if (Codecs.isEvent(codec) && clocks[codec.payloadType()] == 0) {
                    clocks[codec.payloadType()] = codec.clockRate();
                }
                int pt = codec.payloadType();
                if (next[pt] != null) {
                    continue; // a payload type bundled twice: the first section keeps it
                }
                next[pt] = route(line, from, to, codec);
            }
        }
        EventTarget event = null;
        for (NegotiatedLine line : lines) {
            if (line.accepted() && line.media().equals("audio")) {
                RtpMap plan = line.plan(to);
                boolean receives = NegotiatedLine.receives(line.direction(to));
                event = Codecs.event(line.codecs(to), plan.clockRate())
                        .map(e -> new EventTarget(line.index(), e.payloadType(), e.clockRate(), receives))
                        .orElse(new EventTarget(line.index(), -1, plan.clockRate(), receives));
                break;
            }
        }
        synchronized (lock) {
            eventClocks = clocks; // before the routes: a packet that sees the new routes sees these too
            routes = next;
            eventTarget = event;
        }
    }

    /** The telephone event of the target side's audio; null before an answer or without accepted audio. */
    EventTarget eventTarget() {
        return eventTarget;
    }

    /** Whether the target leg can send now. */
    boolean targetReady() {
        MediaLeg leg = target.get();
        return !closed && leg != null && leg.ready();
    }

    /** The timestamp of an event starting now in the target's stream (see {@link OutboundStream#startEvent}). */
    long startEvent(EventTarget target) {
        synchronized (lock) {
            return stream(target.line()).startEvent(target.clockRate(), clock.instant());
        }
    }

    /**
     * Sends one packet the broker made (a DTMF event) on the target leg, in the stream of {@code target}'s section:
     * the broker's SSRC and the next sequence number, the given timestamp. False (counted) when the bridge closed,
     * the target changed its telephone event since, it does not receive, or its leg cannot send.
     */
    boolean sendGenerated(EventTarget target, boolean marker, long timestamp, byte[] payload) {
        if (closed) {
            metrics.dropped(RelayDrop.CLOSED);
            return false;
        }
        EventTarget current = eventTarget;
        if (current == null || current.payloadType() != target.payloadType() || current.line() != target.line()) {
            metrics.dropped(RelayDrop.NOT_NEGOTIATED);
            return false;
        }
        if (!current.receives()) {
            metrics.dropped(RelayDrop.ON_HOLD);
            return false;
        }
        MediaLeg leg = this.target.get();
        if (leg == null || !leg.ready()) {
            metrics.dropped(RelayDrop.LEG_NOT_READY);
            return false;
        }
        byte[] packet;
        synchronized (lock) {
            OutboundStream stream = stream(target.line());
            packet = RtpHeader.build(
                    target.payloadType(), marker, stream.insertSequence(), timestamp, stream.ssrc, payload);
        }
        if (leg.sendRtp(packet, packet.length)) {
            metrics.generated();
            return true;
        }
        metrics.dropped(RelayDrop.SEND_FAILED);
        return false;
    }

    /** Under the lock. */
    private OutboundStream stream(int line) {
        return streams.computeIfAbsent(line, i -> new OutboundStream(ssrcOfLine.applyAsLong(i)));
    }

    private static Route route(NegotiatedLine line, BridgeSide from, BridgeSide to, RtpMap codec) {
        boolean flows = line.flows(from);
        List<RtpMap> theirs = line.codecs(to);
        if (Codecs.isEvent(codec)) {
            Optional<RtpMap> same = Codecs.same(theirs, codec);
            if (same.isPresent() && !line.transcode()) {
                return new Pass(line, flows, same.get().payloadType(), codec.clockRate());
            }
            RtpMap plan = line.plan(to);
            return Codecs.event(theirs, plan == null ? codec.clockRate() : plan.clockRate())
                    .<Route>map(e -> new Event(line, flows, codec, e))
                    .orElse(null);
        }
        Optional<RtpMap> same = Codecs.same(theirs, codec);
        if (same.isPresent()) {
            return new Pass(line, flows, same.get().payloadType(), codec.clockRate());
        }
        if (line.transcode() && Codecs.transcodable(codec, line.plan(to))) {
            return new Transcode(line, flows, codec, line.plan(to));
        }
        return null;
    }

    /**
     * One inbound RTP packet of the source leg: relayed, then, when it is a telephone-event the source negotiated,
     * given to the detector (whether or not it could be relayed: a key pressed is a key pressed).
     */
    void rtp(byte[] packet, int length) {
        if (closed) {
            metrics.dropped(RelayDrop.CLOSED);
            return;
        }
        Route[] current = routes;
        int[] clocks = eventClocks;
        if (current == null) {
            metrics.dropped(RelayDrop.NOT_NEGOTIATED);
            return;
        }
        RtpHeader header = RtpHeader.parse(packet, length);
        if (header == null) {
            metrics.dropped(RelayDrop.MALFORMED_RTP);
            return;
        }
        relay(current, header, packet);
        int eventClock = clocks[header.payloadType];
        if (eventClock > 0) {
            detector.packet(
                    header.ssrc, header.timestamp, packet, header.payloadOffset, header.payloadLength, eventClock);
        }
    }

    private void relay(Route[] current, RtpHeader header, byte[] packet) {
        Route route = current[header.payloadType];
        if (route == null) {
            metrics.dropped(RelayDrop.UNKNOWN_PAYLOAD_TYPE);
            return;
        }
        if (!route.flows()) {
            metrics.dropped(RelayDrop.ON_HOLD);
            return;
        }
        MediaLeg leg = target.get();
        if (leg == null || !leg.ready()) {
            metrics.dropped(RelayDrop.LEG_NOT_READY);
            return;
        }
        List<byte[]> out;
        boolean transcoded = !(route instanceof Pass);
        synchronized (lock) {
            if (routes != current) {
                out = null; // renegotiated meanwhile: the next packet takes the new routes
            } else {
                OutboundStream stream = stream(route.line().index());
                out = route.relay(header, packet, stream, clock.instant(), transcoderMetrics);
            }
        }
        if (out == null) {
            metrics.dropped(RelayDrop.NOT_NEGOTIATED);
            return;
        }
        if (out.isEmpty()) {
            metrics.dropped(RelayDrop.TRANSCODER);
            return;
        }
        for (byte[] p : out) {
            if (leg.sendRtp(p, p.length)) {
                metrics.relayed(transcoded);
            } else {
                metrics.dropped(RelayDrop.SEND_FAILED);
            }
        }
    }

    /** The source SSRC behind the broker's video stream {@code ssrc} on the target leg, or -1 (for feedback). */
    long videoSource(long ssrc) {
        synchronized (lock) {
            OutboundStream stream = videoStream(ssrc);
            return stream == null ? -1 : stream.source();
        }
    }

    /** The source's sequence number for the broker's {@code sequence} on video stream {@code ssrc}, or -1. */
    int videoSourceSequence(long ssrc, int sequence) {
        synchronized (lock) {
            OutboundStream stream = videoStream(ssrc);
            return stream == null ? -1 : stream.sourceSequence(sequence);
        }
    }

    private OutboundStream videoStream(long ssrc) {
        Route[] current = routes;
        if (current == null) {
            return null;
        }
        for (Route route : current) {
            if (route instanceof Pass && route.line().video()) {
                OutboundStream stream = streams.get(route.line().index());
                if (stream != null && stream.ssrc == ssrc) {
                    return stream;
                }
            }
        }
        return null;
    }

    void close() {
        closed = true;
        detector.close();
    }

    /** What to do with one inbound payload type. */
    private sealed interface Route permits Pass, Transcode, Event {
        NegotiatedLine line();

        boolean flows();

        List<byte[]> relay(
                RtpHeader header, byte[] packet, OutboundStream stream, Instant now, TranscoderMetrics metrics);
    }

    /** Same codec on both sides: the packet goes on with the other side's payload type and the broker's numbers. */
    private record Pass(NegotiatedLine line, boolean flows, int outPayloadType, int clockRate) implements Route {
        @Override
        public List<byte[]> relay(
                RtpHeader header, byte[] packet, OutboundStream stream, Instant now, TranscoderMetrics metrics) {
            OutboundStream.Numbers n =
                    stream.passThrough(header.ssrc, header.sequence, header.timestamp, clockRate, now);
            return List.of(RtpHeader.build(
                    outPayloadType,
                    header.marker,
                    n.sequence(),
                    n.timestamp(),
                    stream.ssrc,
                    packet,
                    header.payloadOffset,
                    header.payloadLength));
        }
    }

    /** Opus to G.711 or G.711 to Opus; a new source SSRC starts a new transcoder. */
    private static final class Transcode implements Route {
        private final NegotiatedLine line;
        private final boolean flows;
        private final RtpMap in;
        private final RtpMap out;
        private long source = -1;
        private OpusToG711Transcoder toG711;
        private G711ToOpusTranscoder toOpus;

        Transcode(NegotiatedLine line, boolean flows, RtpMap in, RtpMap out) {
            this.line = line;
            this.flows = flows;
            this.in = in;
            this.out = out;
        }

        @Override
        public NegotiatedLine line() {
            return line;
        }

        @Override
        public boolean flows() {
            return flows;
        }

        @Override
        public List<byte[]> relay(
                RtpHeader header, byte[] packet, OutboundStream stream, Instant now, TranscoderMetrics metrics) {
            G711 inLaw = Codecs.law(in);
            if (header.ssrc != source) {
                source = header.ssrc;
                long base = stream.nextTimestamp(out.clockRate(), now);
                if (inLaw == null) {
                    toG711 = new OpusToG711Transcoder(in.payloadType(), Codecs.law(out), 0, base, metrics);
                } else {
                    toOpus = new G711ToOpusTranscoder(inLaw, out.payloadType(), 0, base, metrics);
                }
            }
            byte[] payload = header.payload(packet);
            List<AudioPacket> produced = inLaw == null
                    ? toG711.transcode(new AudioPacket(
                            in.payloadType(), header.sequence, header.timestamp, header.marker, payload))
                    : toOpus.transcode(new AudioPacket(
                            inLaw.payloadType(), header.sequence, header.timestamp, header.marker, payload));
            List<byte[]> packets = new ArrayList<>(produced.size());
            for (AudioPacket p : produced) {
                OutboundStream.Numbers n = stream.next(p.timestamp(), header.timestamp, now);
                packets.add(RtpHeader.build(
                        out.payloadType(), p.marker(), n.sequence(), n.timestamp(), stream.ssrc, p.payload()));
            }
            return packets;
        }
    }

    /** A telephone event toward a side with another event clock, or a transcoded section: rescaled, renumbered. */
    private static final class Event implements Route {
        private final NegotiatedLine line;
        private final boolean flows;
        private final RtpMap in;
        private final RtpMap out;
        private TelephoneEventRelay relay;
        private long lastInTimestamp = -1;
        private long lastOutTimestamp;

        Event(NegotiatedLine line, boolean flows, RtpMap in, RtpMap out) {
            this.line = line;
            this.flows = flows;
            this.in = in;
            this.out = out;
        }

        @Override
        public NegotiatedLine line() {
            return line;
        }

        @Override
        public boolean flows() {
            return flows;
        }

        @Override
        public List<byte[]> relay(
                RtpHeader header, byte[] packet, OutboundStream stream, Instant now, TranscoderMetrics metrics) {
            if (relay == null) {
                relay = new TelephoneEventRelay(
                        in.payloadType(), in.clockRate(), out.payloadType(), out.clockRate(), metrics);
            }
            if (header.timestamp != lastInTimestamp) {
                // every packet of one event carries the event's start timestamp: map it once
                lastInTimestamp = header.timestamp;
                lastOutTimestamp = stream.mapTimestamp(header.timestamp, in.clockRate(), out.clockRate());
            }
            AudioPacket mapped = relay.relay(
                    new AudioPacket(
                            in.payloadType(), header.sequence, header.timestamp, header.marker, header.payload(packet)),
                    lastOutTimestamp);
            if (mapped == null) {
                return List.of();
            }
            int sequence = stream.nextSequence();
            return List.of(RtpHeader.build(
                    out.payloadType(), mapped.marker(), sequence, lastOutTimestamp, stream.ssrc, mapped.payload()));
        }
    }
}
