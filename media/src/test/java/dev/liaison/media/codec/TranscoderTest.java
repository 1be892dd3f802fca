package dev.liaison.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscoderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TranscoderMetrics metrics = new TranscoderMetrics(registry);

    @Test
    void opusToPcmuCarriesTheToneAndScalesTimestamps() throws CodecException {
        OpusCodec browser = new OpusCodec();
        OpusToG711Transcoder transcoder = new OpusToG711Transcoder(111, G711.PCMU, 100, 5000, metrics);
        List<AudioPacket> out = new ArrayList<>();
        for (int f = 0; f < 50; f++) {
            byte[] opus = browser.encode(Signals.sine(1000, 48_000, 960, 8000, f * 960));
            out.addAll(transcoder.transcode(new AudioPacket(111, 40_000 + f, 96_000 + f * 960L, f == 0, opus)));
        }
        assertThat(out).hasSize(50);
        assertThat(out.get(0).sequence()).isEqualTo(100);
        assertThat(out.get(49).sequence()).isEqualTo(149);
        assertThat(out.get(1).timestamp() - out.get(0).timestamp()).isEqualTo(160);
        assertThat(out.get(0).timestamp()).isEqualTo(5000);
        assertThat(out).allSatisfy(p -> assertThat(p.payload()).hasSize(160));
        short[] pcm = new short[0];
        for (AudioPacket p : out) {
            pcm = Signals.concat(pcm, G711.PCMU.decode(p.payload()));
        }
        assertThat(Signals.fractionAt(pcm, 1600, 1000, 8000)).isGreaterThan(0.9);
    }

    @Test
    void lostOpusPacketsAreConcealedSoThePhoneSeesNoHole() throws CodecException {
        OpusCodec browser = new OpusCodec();
        OpusToG711Transcoder transcoder = new OpusToG711Transcoder(111, G711.PCMA, 0, 0, metrics);
        List<AudioPacket> out = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            byte[] opus = browser.encode(Signals.sine(500, 48_000, 960, 8000, f * 960));
            if (f == 4 || f == 5) {
                continue; // lost
            }
            out.addAll(transcoder.transcode(new AudioPacket(111, f, f * 960L, false, opus)));
        }
        assertThat(out).extracting(AudioPacket::sequence).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(out)
                .extracting(AudioPacket::timestamp)
                .containsExactly(0L, 160L, 320L, 480L, 640L, 800L, 960L, 1120L, 1280L, 1440L);
        assertThat(registry.counter("liaison.media.transcoder.concealed", "direction", "opus-to-g711")
                        .count())
                .isEqualTo(2.0);
        // a duplicate is dropped and counted
        assertThat(transcoder.transcode(
                        new AudioPacket(111, 9, 9 * 960L, false, out.get(0).payload())))
                .isEmpty();
    }

    @Test
    void pcmuAt30MillisecondsBecomesTwentyMillisecondOpusFramesWithContinuousTimestamps() throws CodecException {
        G711ToOpusTranscoder transcoder = new G711ToOpusTranscoder(G711.PCMU, 111, 7, 1000, metrics);
        List<AudioPacket> out = new ArrayList<>();
        for (int p = 0; p < 20; p++) { // 20 x 30 ms = 600 ms
            byte[] pcmu = G711.PCMU.encode(Signals.sine(1000, 8000, 240, 8000, p * 240));
            out.addAll(transcoder.transcode(new AudioPacket(0, 300 + p, 24_000 + p * 240L, false, pcmu)));
        }
        assertThat(out).hasSize(30);
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).timestamp() - out.get(i - 1).timestamp()).isEqualTo(960);
            assertThat(out.get(i).sequence() - out.get(i - 1).sequence()).isEqualTo(1);
        }
        OpusCodec browser = new OpusCodec();
        short[] pcm = new short[0];
        for (AudioPacket p : out) {
            pcm = Signals.concat(pcm, browser.decode(p.payload()));
        }
        assertThat(Signals.fractionAt(pcm, 9600, 1000, 48_000)).isGreaterThan(0.9);
    }

    @Test
    void aShortG711GapIsFilledSoOpusTimestampsStayOnTheGrid() {
        G711ToOpusTranscoder transcoder = new G711ToOpusTranscoder(G711.PCMA, 111, 0, 0, metrics);
        List<AudioPacket> out = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            if (p == 3) {
                continue;
            }
            byte[] pcma = G711.PCMA.encode(Signals.sine(700, 8000, 160, 8000, p * 160));
            out.addAll(transcoder.transcode(new AudioPacket(8, p, p * 160L, false, pcma)));
        }
        assertThat(out)
                .extracting(AudioPacket::timestamp)
                .containsExactly(0L, 960L, 1920L, 2880L, 3840L, 4800L, 5760L, 6720L, 7680L, 8640L);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {300, 1000, 3000})
    void aPhoneToneThroughOpusAndBackKeepsItsFrequencyAndLevel(int frequency) throws CodecException {
        G711ToOpusTranscoder toBrowser = new G711ToOpusTranscoder(G711.PCMU, 111, 0, 0, metrics);
        OpusToG711Transcoder toPhone = new OpusToG711Transcoder(111, G711.PCMU, 0, 0, metrics);
        OpusCodec browser = new OpusCodec();
        double amplitude = 8000;
        short[] atBrowser = new short[0];
        short[] backAtPhone = new short[0];
        for (int p = 0; p < 50; p++) { // one second in 20 ms packets
            byte[] pcmu = G711.PCMU.encode(Signals.sine(frequency, 8000, 160, amplitude, p * 160));
            for (AudioPacket opus : toBrowser.transcode(new AudioPacket(0, p, p * 160L, false, pcmu))) {
                atBrowser = Signals.concat(atBrowser, browser.decode(opus.payload()));
                for (AudioPacket g711 : toPhone.transcode(opus)) {
                    backAtPhone = Signals.concat(backAtPhone, G711.PCMU.decode(g711.payload()));
                }
            }
        }
        double rms = amplitude / Math.sqrt(2);
        // after the codecs' first 200 ms: the tone carries most of the power, within 2 dB of what the phone sent
        assertThat(Signals.fractionAt(atBrowser, 9600, frequency, 48_000)).isGreaterThan(0.9);
        assertThat(levelDb(Signals.rms(atBrowser, 9600), rms)).isBetween(-2.0, 2.0);
        assertThat(Signals.fractionAt(backAtPhone, 1600, frequency, 8000)).isGreaterThan(0.9);
        assertThat(levelDb(Signals.rms(backAtPhone, 1600), rms)).isBetween(-2.0, 2.0);
    }

    @Test
    void theNarrowbandEncoderTakesTwentyMillisecondsOfEightKilohertzPcm() throws CodecException {
        OpusCodec phoneSide = new OpusCodec(OpusCodec.NARROWBAND_RATE);
        assertThat(phoneSide.encodeFrameSamples()).isEqualTo(160);
        byte[] packet = phoneSide.encode(Signals.sine(1000, 8000, 160, 8000, 0));
        // RFC 6716 TOC: configurations 0-3 are SILK narrowband, 12-13 hybrid/SILK ... 16-19 CELT narrowband
        int config = (packet[0] & 0xFF) >> 3;
        assertThat(config).isIn(0, 1, 2, 3, 16, 17, 18, 19);
        assertThat(new OpusCodec().decode(packet)).hasSize(OpusCodec.FRAME_SAMPLES);
        assertThatThrownBy(() -> phoneSide.encode(new short[960])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpusCodec(16_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double levelDb(double measured, double reference) {
        return 20 * Math.log10(measured / reference);
    }
}
