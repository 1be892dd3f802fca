package dev.liaison.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.client.protocol.ClientErrorCode;
import dev.liaison.gateway.client.protocol.ClientProtocolException;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private final FrameAssembler assembler = new FrameAssembler(10);

    @Test
    void partsAreJoinedIntoOneMessage() {
        assertThat(assembler.append("{\"a\"", false)).isEmpty();
        assertThat(assembler.append(":1}", true)).contains("{\"a\":1}");
        assertThat(assembler.append("{}", true)).contains("{}");
    }

    @Test
    void aMessageIsRefusedAsSoonAsItsPartsPassTheLimitAndTheRestIsDropped() {
        assembler.append("12345", false);

        assertThatThrownBy(() -> assembler.append("678901", false))
                .isInstanceOfSatisfying(
                        ClientProtocolException.class, e -> assertThat(e.code()).isEqualTo(ClientErrorCode.TOO_LARGE));
        assertThat(assembler.append("more", false)).isEmpty();
        assertThat(assembler.append("end", true)).isEmpty();
        assertThat(assembler.append("next", true)).contains("next");
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        assertThatThrownBy(() -> assembler.append("ééééé é", true)).isInstanceOf(ClientProtocolException.class);
        assertThat(assembler.append("éééé", true)).contains("éééé");
    }
}
