package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.cti.api.screenpop.OverflowPolicy;
import dev.liaison.cti.api.screenpop.ScreenPopField;
import dev.liaison.cti.ucce.session.SessionSettings;
import org.junit.jupiter.api.Test;

class LinkFactoryTest {

    @Test
    void optionsBecomeSettings() {
        UcceConfiguration c = new UcceConfiguration();
        c.setLink("cc1");
        c.setSideA("pg1a.example:42027");
        c.setSideB("pg1b.example:42027");
        c.setScreenPop("correlationId=CallVariable1, page=ECC:user.page");
        c.setOverflowPolicy("truncate");
        c.setAgents("1001@2001,1002@2002");

        var link = LinkFactory.linkSettings(c);
        assertThat(link.sideA().getHostString()).isEqualTo("pg1a.example");
        assertThat(link.sideB().getPort()).isEqualTo(42027);
        assertThat(link.idleTimeoutSeconds()).isEqualTo(20);
        var session = LinkFactory.sessionSettings(c, java.time.Clock.systemUTC());
        assertThat(session.screenPop().policy()).isEqualTo(OverflowPolicy.TRUNCATE);
        assertThat(session.screenPop().rules())
                .extracting(r -> r.field())
                .containsExactly(new ScreenPopField.CallVariable(1), new ScreenPopField.NamedVariable("user.page"));
        assertThat(session.agents())
                .containsExactly(
                        new SessionSettings.WatchedAgent("1001", "2001"),
                        new SessionSettings.WatchedAgent("1002", "2002"));
    }

    @Test
    void badOptionsFailWithTheOptionInTheMessage() {
        assertThatThrownBy(() -> LinkFactory.address("sideA", "host")).hasMessageContaining("sideA must be host:port");
        assertThatThrownBy(() -> LinkFactory.address("sideB", "host:0")).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> LinkFactory.address("sideA", "host:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LinkFactory.screenPop("CallVariable1", "REJECT"))
                .hasMessageContaining("contextKey=field");
        assertThatThrownBy(() -> LinkFactory.screenPop("a=CallVariable12", "REJECT"))
                .hasMessageContaining("1..10");
        assertThatThrownBy(() -> LinkFactory.agents("1001")).hasMessageContaining("agentId@instrument");
        UcceConfiguration c = new UcceConfiguration();
        c.setLink("x");
        c.setSideA("h:1");
        c.setReconnectMaxDelay(10);
        assertThatThrownBy(() -> LinkFactory.linkSettings(c)).hasMessageContaining("reconnectMaxDelay");
    }
}
