package dev.liaison.cti.ucce.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.cti.ucce.protocol.CtiProtocolException.Reason;
import org.junit.jupiter.api.Test;

class FloatingFieldsTest {

    private static FloatingFields parse(byte... body) throws CtiProtocolException {
        return new MessageReader(new CtiMessage(99, body), 99).floating();
    }

    @Test
    void fieldsAreFoundByTagInAnyOrder() throws Exception {
        FloatingFields f = parse(
                (byte) 8, (byte) 2, (byte) 'a', (byte) 0, (byte) 72, (byte) 4, (byte) 0, (byte) 0, (byte) 1, (byte) 2);
        assertThat(f.uint(Tag.ROUTER_CALL_KEY_DAY)).contains(258L);
        assertThat(f.string(Tag.ANI)).contains("a");
        assertThat(f.string(Tag.DNIS)).isEmpty();
    }

    @Test
    void aFieldRunningPastTheEndAStringWithoutNulAndABadUintAreMalformed() {
        assertThatThrownBy(() -> parse((byte) 8, (byte) 5, (byte) 'a'))
                .isInstanceOfSatisfying(
                        CtiProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("runs past");
        assertThatThrownBy(() -> parse((byte) 8)).hasMessageContaining("cut off");
        assertThatThrownBy(() -> parse((byte) 8, (byte) 1, (byte) 'a').string(Tag.ANI))
                .hasMessageContaining("not null-terminated");
        assertThatThrownBy(() -> parse((byte) 72, (byte) 2, (byte) 0, (byte) 1).uint(Tag.ROUTER_CALL_KEY_DAY))
                .hasMessageContaining("UINT field 72 has 2 bytes");
        assertThatThrownBy(
                        () -> parse((byte) 82, (byte) 2, (byte) 'n', (byte) 'v').namedVariables())
                .hasMessageContaining("named variable without a name");
    }

    @Test
    void aFixedPartShorterThanTheMessageTypeNeedsIsMalformed() {
        assertThatThrownBy(() -> CallEventMessages.CallCleared.decode(
                        new CtiMessage(MessageType.CALL_CLEARED_EVENT, new byte[6])))
                .isInstanceOfSatisfying(
                        CtiProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("shorter than its fixed part");
    }
}
