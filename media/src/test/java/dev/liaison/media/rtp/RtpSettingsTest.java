package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RtpSettingsTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void aGoodRangeCountsItsPairs() throws Exception {
        assertThat(new RtpSettings(InetAddress.getByName("0.0.0.0"), LO, 20000, 20099, 50, true).portPairs())
                .isEqualTo(50);
        assertThat(new RtpSettings(LO, LO, 20001, 20004, 1, false).portPairs()).isEqualTo(1);
    }

    @Test
    void badValuesFailFastWithAMessageNamingThem() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> new RtpSettings(null, LO, 20000, 20010, 1, true))
                .hasMessageContaining("bind address");
        assertThatThrownBy(() -> new RtpSettings(LO, any, 20000, 20010, 1, true))
                .hasMessageContaining("advertised address 0.0.0.0");
        assertThatThrownBy(() -> new RtpSettings(LO, LO, 20010, 20000, 1, true))
                .hasMessageContaining("RTP port range 20010-20000");
        assertThatThrownBy(() -> new RtpSettings(LO, LO, 0, 20000, 1, true)).hasMessageContaining("1 <= min");
        assertThatThrownBy(() -> new RtpSettings(LO, LO, 20000, 70000, 1, true)).hasMessageContaining("65535");
        assertThatThrownBy(() -> new RtpSettings(LO, LO, 20001, 20002, 1, true))
                .hasMessageContaining("no even RTP port");
        assertThatThrownBy(() -> new RtpSettings(LO, LO, 20000, 20001, 0, true)).hasMessageContaining("max legs");
    }
}
