package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.sip.Sipp;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The SIP half of the media test harness on its own, without the application: a socket standing in for the broker's
 * SIP-side leg sends PCMU RTP to the {@link EchoingPhone}'s tap port (the port its SDP names); SIPp echoes each packet,
 * the tap returns it to the sender unchanged and counts both ways by payload type. RTCP is relayed but not counted as
 * a payload type. Ends with the tap closed.
 */
class EchoingPhoneReturnsRtpThroughTheTapIT {

    @Test
    void rtpSentToThePhoneComesBackUnchangedAndIsCounted() throws Exception {
        EchoingPhone closedPhone;
        try (EchoingPhone phone = EchoingPhone.answeringOn(Sipp.freePort());
                DatagramSocket broker =
                        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPhone = phone;
            broker.setSoTimeout(200);
            InetSocketAddress tap = new InetSocketAddress(InetAddress.getLoopbackAddress(), phone.tap.port());
            byte[] rtcp = {(byte) 0x81, (byte) 201, 0, 1, 0, 0, 0, 42};
            broker.send(new DatagramPacket(rtcp, rtcp.length, tap));

            int echoed = 0;
            for (int sequence = 0; echoed < 5 && sequence < 200; sequence++) {
                byte[] rtp = pcmuPacket(sequence);
                broker.send(new DatagramPacket(rtp, rtp.length, tap));
                byte[] buffer = new byte[2048];
                DatagramPacket back = new DatagramPacket(buffer, buffer.length);
                try {
                    do {
                        broker.receive(back);
                    } while (back.getLength() == rtcp.length);
                } catch (SocketTimeoutException lost) {
                    continue;
                }
                assertThat(Arrays.copyOf(buffer, back.getLength())).isEqualTo(rtp);
                assertThat(back.getSocketAddress()).isEqualTo(tap);
                echoed++;
            }

            assertThat(echoed).isEqualTo(5);
            await("the tap counted the echoes: " + phone.tap)
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> phone.tap.fromPhone().packets() >= 6);
            assertThat(phone.tap.towardsPhone().payloadTypes()).containsOnlyKeys(0);
            assertThat(phone.tap.fromPhone().payloadTypes()).containsOnlyKeys(0);
            assertThat(phone.tap.towardsPhone().payloadTypes().get(0)).isGreaterThanOrEqualTo(5);
        }
        assertThat(closedPhone.closed()).as("tap closed").isTrue();
    }

    /** A 20 ms PCMU packet (RTP version 2, payload type 0, 160 bytes of silence). */
    private static byte[] pcmuPacket(int sequence) {
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        packet[1] = 0;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        int timestamp = sequence * 160;
        packet[4] = (byte) (timestamp >> 24);
        packet[5] = (byte) (timestamp >> 16);
        packet[6] = (byte) (timestamp >> 8);
        packet[7] = (byte) timestamp;
        packet[8] = 0x12;
        packet[9] = 0x34;
        packet[10] = 0x56;
        packet[11] = 0x78;
        Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
        return packet;
    }
}
