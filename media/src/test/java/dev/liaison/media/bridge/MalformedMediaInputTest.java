package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.bridge.FakeLegs.FakeLeg;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Whatever a peer sends (garbage, truncated headers, random payloads under negotiated payload types, random RTCP),
 * the relay drops and counts it or relays it; it never throws into the leg's thread.
 */
class MalformedMediaInputTest {
    private static final Integer[] TYPES = {0, 8, 101, 110, 111, 126, 96, 13, 72, 127};

    private final BridgeFixture f = new BridgeFixture();
    private FakeLeg passBrowser;
    private FakeLeg passPhone;
    private FakeLeg transcodeBrowser;
    private FakeLeg transcodePhone;

    @Property(tries = 1500)
    void arbitraryRtpNeverBreaksTheRelay(@ForAll("packets") byte[] packet) {
        establish();
        for (FakeLeg leg : new FakeLeg[] {passBrowser, passPhone, transcodeBrowser, transcodePhone}) {
            leg.receiveRtp(packet);
        }
        assertThat(f.dropped(RelayDrop.RELAY_FAILED)).isZero();
    }

    @Property(tries = 1500)
    void arbitraryRtcpNeverBreaksTheRelay(@ForAll("rtcp") byte[] packet) {
        establish();
        for (FakeLeg leg : new FakeLeg[] {passBrowser, passPhone, transcodeBrowser, transcodePhone}) {
            leg.receiveRtcp(packet);
        }
        assertThat(f.dropped(RelayDrop.RELAY_FAILED)).isZero();
    }

    @AfterProperty
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Provide
    Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(1500);
        Arbitrary<byte[]> rtpLike = Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(2)
                .ofMaxSize(1500)
                .flatMap(bytes -> Arbitraries.of(0x80, 0x90, 0xA0, 0xB3, 0x81)
                        .flatMap(first -> Arbitraries.of(TYPES).map(pt -> {
                            bytes[0] = (byte) (int) first;
                            bytes[1] = (byte) (int) pt;
                            return bytes;
                        })));
        return Arbitraries.oneOf(garbage, rtpLike);
    }

    @Provide
    Arbitrary<byte[]> rtcp() {
        return Arbitraries.bytes()
                .array(byte[].class)
                .ofMinSize(2)
                .ofMaxSize(300)
                .flatMap(bytes -> Arbitraries.of(200, 201, 205, 206)
                        .flatMap(type -> Arbitraries.of(0x81, 0x84, 0x80, 0xA1).map(first -> {
                            bytes[0] = (byte) (int) first;
                            bytes[1] = (byte) (int) type;
                            return bytes;
                        })));
    }

    private void establish() {
        if (passBrowser != null) {
            return;
        }
        String pass = f.bridges.open("pass");
        f.bridges.offer(pass, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(pass, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        String transcode = f.bridges.open("transcode");
        f.bridges.offer(
                transcode,
                BridgeSide.A,
                LegProfile.WEBRTC,
                LegProfile.RTP,
                Sdps.browserOffer(Sdps.OPUS_ONLY_FORMATS, Sdps.OPUS_ONLY_MAPS, false, "sendrecv"));
        f.bridges.answer(transcode, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        passBrowser = f.legs.opened.get(0);
        passPhone = f.legs.opened.get(1);
        transcodeBrowser = f.legs.opened.get(2);
        transcodePhone = f.legs.opened.get(3);
    }
}
