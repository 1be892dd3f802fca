package dev.liaison.palettes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class DashboardStreamsTest {

    @Test
    void streamsBeyondTheCapAreRefusedUntilOneIsForgotten() {
        DashboardStreams streams = new DashboardStreams(2, 60_000);
        SseEmitter one = streams.open();
        streams.open();

        assertThatThrownBy(streams::open)
                .isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("2 statistics streams");
        assertThat(streams.count()).isEqualTo(2);

        streams.forget(one);
        assertThat(streams.count()).isEqualTo(1);
        streams.open();
        assertThat(streams.count()).isEqualTo(2);
    }

    @Test
    void aForgottenStreamIsNotActivatedAgainAndCompletingAllLeavesNone() {
        DashboardStreams streams = new DashboardStreams(5, 60_000);
        SseEmitter gone = streams.open();
        streams.forget(gone);
        streams.activate(gone);
        assertThat(streams.count()).isZero();

        streams.activate(streams.open());
        streams.open();
        streams.completeAll();
        assertThat(streams.count()).isZero();
    }
}
