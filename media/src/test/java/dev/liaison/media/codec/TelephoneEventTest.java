package dev.liaison.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    @Test
    void aDtmfCommandBecomesStartUpdatesAndThreeEndPackets() {
        List<AudioPacket> packets = new DtmfEventGenerator(101, 8000, 20).generate('5', 100, 1000, 12_345);
        List<TelephoneEvent> events =
                packets.stream().map(p -> TelephoneEvent.decode(p.payload())).toList();

        assertThat(packets).hasSize(4 + 3);
        assertThat(packets)
                .extracting(AudioPacket::marker)
                .containsExactly(true, false, false, false, false, false, false);
        assertThat(packets).extracting(AudioPacket::timestamp).containsOnly(12_345L);
        assertThat(packets).extracting(AudioPacket::payloadType).containsOnly(101);
        assertThat(packets).extracting(AudioPacket::sequence).containsExactly(1000, 1001, 1002, 1003, 1004, 1005, 1006);
        assertThat(events).extracting(TelephoneEvent::event).containsOnly(5);
        assertThat(events).extracting(TelephoneEvent::duration).containsExactly(160, 320, 480, 640, 800, 800, 800);
        assertThat(events)
                .extracting(TelephoneEvent::end)
                .containsExactly(false, false, false, false, true, true, true);
    }

    @Test
    void payloadEncodesAsInRfc4733() {
        TelephoneEvent e = new TelephoneEvent(11, true, 10, 0x0640);
        assertThat(e.encode()).containsExactly(11, 0x8A, 0x06, 0x40);
        assertThat(TelephoneEvent.decode(e.encode())).isEqualTo(e);
        assertThat(TelephoneEvent.forDigit('*')).isEqualTo(10);
        assertThat(TelephoneEvent.forDigit('d')).isEqualTo(15);
        assertThatThrownBy(() -> TelephoneEvent.forDigit('x')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelephoneEvent.decode(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void browserEventsAt48KilohertzArePassedToThePhoneWithItsPayloadTypeAndClock() {
        TelephoneEventRelay relay =
                new TelephoneEventRelay(110, 48_000, 101, 8000, new TranscoderMetrics(new SimpleMeterRegistry()));
        AudioPacket in = new AudioPacket(110, 77, 480_000, true, new TelephoneEvent(1, false, 10, 4800).encode());
        assertThat(relay.handles(in)).isTrue();
        AudioPacket out = relay.relay(in, relay.scale(480_000));
        assertThat(out.payloadType()).isEqualTo(101);
        assertThat(out.timestamp()).isEqualTo(80_000);
        assertThat(out.marker()).isTrue();
        assertThat(TelephoneEvent.decode(out.payload()).duration()).isEqualTo(800);
        assertThat(relay.relay(new AudioPacket(110, 78, 0, false, new byte[2]), 0))
                .isNull();
    }
}
