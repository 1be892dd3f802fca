package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.protocol.MessageType;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MalformedFramesAreCountedAndResetTheLinkIT extends UcceTestSupport {

    private static byte[] header(long length, int type) {
        return ByteBuffer.allocate(8).putInt((int) length).putInt(type).array();
    }

    private void awaitReopened(CtiServerSimulator side, int connections) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> side.connections() == connections
                        && side.sessionOpen()
                        && session().link().state() == LinkState.OPEN);
    }

    @Test
    void oversizedTruncatedAndMalformedFramesAreCountedByReasonAndTheLinkComesBack() throws Exception {
        try (CtiServerSimulator side = new CtiServerSimulator("a", PERIPHERAL).start()) {
            startCamel("garbage", "sideA=" + side.address() + "&maxMessageBytes=4096&" + fastTimers());
            awaitOpen();

            // 1. a MessageLength above the limit: refused from the header, nothing allocated
            side.sendRaw(header(1_000_000, MessageType.CALL_DELIVERED_EVENT));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metrics().count("liaison.cti.frames.malformed", "reason", "too_large") == 1);
            awaitReopened(side, 2);

            // 2. a floating field that runs past the end of its message
            ByteBuffer body = ByteBuffer.allocate(30);
            body.put(new byte[28]).put((byte) 25).put((byte) 200); // tag CONNECTION_DEVID, length 200, no data
            byte[] frame = ByteBuffer.allocate(38)
                    .put(header(30, MessageType.CALL_CLEARED_EVENT))
                    .put(body.array())
                    .array();
            side.sendRaw(frame);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metrics().count("liaison.cti.frames.malformed", "reason", "malformed") == 1);
            awaitReopened(side, 3);

            // 3. a fixed part shorter than the message type needs
            side.sendRaw(ByteBuffer.allocate(12)
                    .put(header(4, MessageType.AGENT_STATE_EVENT))
                    .putInt(1)
                    .array());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metrics().count("liaison.cti.frames.malformed", "reason", "malformed") == 2);
            awaitReopened(side, 4);

            // 4. a frame cut off by the peer closing the connection
            side.sendRaw(ByteBuffer.allocate(18)
                    .put(header(100, MessageType.CALL_DELIVERED_EVENT))
                    .put(new byte[10])
                    .array());
            side.dropLink();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> metrics().count("liaison.cti.frames.malformed", "reason", "truncated") == 1);
            awaitReopened(side, 5);

            // 5. an unknown message type is counted and skipped without a reset
            side.sendRaw(ByteBuffer.allocate(12).put(header(4, 250)).putInt(0).array());
            side.agentState("1001", "2001", AgentMessages.AVAILABLE, 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
            assertThat(metrics().count("liaison.cti.frames.ignored", "message", "TYPE_250"))
                    .isEqualTo(1);
            assertThat(side.connections()).isEqualTo(5);
            stopAndAssertNoLeak("garbage", side);
        }
    }
}
