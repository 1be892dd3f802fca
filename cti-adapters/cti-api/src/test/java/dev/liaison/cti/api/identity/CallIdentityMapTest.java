package dev.liaison.cti.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import org.junit.jupiter.api.Test;

class CallIdentityMapTest {

    private final CorrelationId contact = new CorrelationId("c-1");

    @Test
    void aContactIsFoundByEachOfItsVendorIdsAndTheyByIt() throws Exception {
        CallIdentityMap map = new CallIdentityMap(10);
        map.bind(contact, new PeripheralCallId(5000, 42));
        map.bind(contact, new RouterCallKey(150000, 7));

        assertThat(map.correlationOf(new RouterCallKey(150000, 7))).contains(contact);
        assertThat(map.correlationOf(new PeripheralCallId(5000, 42))).contains(contact);
        assertThat(map.vendorIdOf(contact, RouterCallKey.class)).contains(new RouterCallKey(150000, 7));
        assertThat(map.vendorIdOf(contact, ConversationId.class)).isEmpty();
    }

    @Test
    void aVendorIdCannotBelongToTwoContacts() throws Exception {
        CallIdentityMap map = new CallIdentityMap(10);
        map.bind(contact, new ConversationId("conv-1"));

        assertThatThrownBy(() -> map.bind(new CorrelationId("c-2"), new ConversationId("conv-1")))
                .isInstanceOfSatisfying(
                        CtiException.class, e -> assertThat(e.failure()).isEqualTo(CtiFailure.CONFLICT));
    }

    @Test
    void theMapIsBoundedAndReleasingMakesRoom() throws Exception {
        CallIdentityMap map = new CallIdentityMap(1);
        map.bind(contact, new CstaConnectionId("1", "2001"));

        assertThatThrownBy(() -> map.bind(new CorrelationId("c-2"), new CstaConnectionId("2", "2001")))
                .isInstanceOfSatisfying(
                        CtiException.class, e -> assertThat(e.failure()).isEqualTo(CtiFailure.LIMIT_EXCEEDED));

        assertThat(map.release(contact)).isTrue();
        map.bind(new CorrelationId("c-2"), new CstaConnectionId("2", "2001"));
        assertThat(map.correlationOf(new CstaConnectionId("1", "2001"))).isEmpty();
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void correlationIdsAndVendorIdsAreValidated() {
        assertThatThrownBy(() -> new CorrelationId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationId("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CorrelationId("x".repeat(37))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouterCallKey(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouterCallKey(0, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RouterCallKey(150000, 7).text()).isEqualTo("150000-7");
    }
}
