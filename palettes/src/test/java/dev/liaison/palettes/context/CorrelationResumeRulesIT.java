package dev.liaison.palettes.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PalettesIntegrationTest
class CorrelationResumeRulesIT {

    @Autowired
    CorrelationService correlations;

    @Autowired
    TimelineService timeline;

    @Autowired
    MutableTestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void returningCustomerByIdentityContinuesTheSameCorrelationOnAnotherChannel() {
        String email = uniqueEmail();
        Resolution first = correlations.resolve(new ResolveRequest(null, "email:" + email.toUpperCase(), Channel.CHAT));
        clock.advance(Duration.ofHours(23));

        Resolution again = correlations.resolve(new ResolveRequest(null, "  EMAIL: " + email + " ", Channel.VOICE));

        assertThat(first.outcome()).isEqualTo(ResolveOutcome.CREATED);
        assertThat(again.outcome()).isEqualTo(ResolveOutcome.RESUMED);
        assertThat(again.reason()).isEqualTo(ResolveReason.IDENTITY);
        assertThat(again.interaction().correlationId())
                .isEqualTo(first.interaction().correlationId());
        assertThat(again.interaction().identityKey()).isEqualTo("email:" + email);
        assertThat(again.interaction().firstChannel()).isEqualTo(Channel.CHAT);
        assertThat(again.interaction().lastChannel()).isEqualTo(Channel.VOICE);
        assertThat(again.interaction().lastSeenAt()).isEqualTo(clock.instant());
        assertThat(interactionsOf("email:" + email)).isEqualTo(1);
    }

    @Test
    void identityActiveExactlyAtTheEdgeOfTheWindowIsStillContinued() {
        String identity = uniqueCustomer();
        Resolution first = correlations.resolve(new ResolveRequest(null, identity, Channel.CHAT));
        clock.advance(Duration.ofHours(24));

        Resolution again = correlations.resolve(new ResolveRequest(null, identity, Channel.CHAT));

        assertThat(again.reason()).isEqualTo(ResolveReason.IDENTITY);
        assertThat(again.interaction().correlationId())
                .isEqualTo(first.interaction().correlationId());
    }

    @Test
    void identityIdleLongerThanTheWindowStartsANewInteraction() {
        String identity = uniqueCustomer();
        Resolution first = correlations.resolve(new ResolveRequest(null, identity, Channel.CHAT));
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        Resolution later = correlations.resolve(new ResolveRequest(null, identity, Channel.CHAT));

        assertThat(later.outcome()).isEqualTo(ResolveOutcome.CREATED);
        assertThat(later.reason()).isEqualTo(ResolveReason.NO_RECENT_INTERACTION);
        assertThat(later.interaction().correlationId())
                .isNotEqualTo(first.interaction().correlationId());
        assertThat(interactionsOf(identity)).isEqualTo(2);
    }

    @Test
    void presentedKnownCorrelationIdResumesEvenAfterALongPause() {
        Resolution first = correlations.resolve(new ResolveRequest(null, null, Channel.CHAT));
        clock.advance(Duration.ofDays(3));

        Resolution again =
                correlations.resolve(new ResolveRequest(first.interaction().correlationId(), null, Channel.VIDEO));

        assertThat(again.outcome()).isEqualTo(ResolveOutcome.RESUMED);
        assertThat(again.reason()).isEqualTo(ResolveReason.CORRELATION_ID);
        assertThat(again.interaction().correlationId())
                .isEqualTo(first.interaction().correlationId());
        assertThat(again.interaction().lastChannel()).isEqualTo(Channel.VIDEO);
        assertThat(again.interaction().lastSeenAt()).isAfter(first.interaction().lastSeenAt());
    }

    @Test
    void unknownPresentedCorrelationIdIsNotAdopted() {
        UUID chosenByClient = UUID.randomUUID();

        Resolution resolution = correlations.resolve(new ResolveRequest(chosenByClient, null, Channel.CHAT));

        assertThat(resolution.outcome()).isEqualTo(ResolveOutcome.CREATED);
        assertThat(resolution.reason()).isEqualTo(ResolveReason.UNKNOWN_CORRELATION_ID);
        assertThat(resolution.interaction().correlationId()).isNotEqualTo(chosenByClient);
        assertThat(correlations.find(chosenByClient)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from interaction where correlation_id = ?", Long.class, chosenByClient))
                .isZero();
    }

    @Test
    void unknownPresentedIdWithARecentIdentityContinuesTheIdentitysInteraction() {
        String identity = uniqueCustomer();
        Resolution first = correlations.resolve(new ResolveRequest(null, identity, Channel.CHAT));

        Resolution again = correlations.resolve(new ResolveRequest(UUID.randomUUID(), identity, Channel.CALLBACK));

        assertThat(again.reason()).isEqualTo(ResolveReason.IDENTITY);
        assertThat(again.interaction().correlationId())
                .isEqualTo(first.interaction().correlationId());
    }

    @Test
    void presentedIdOfAnotherCustomerIsNotContinued() {
        Resolution ann = correlations.resolve(new ResolveRequest(null, uniqueCustomer(), Channel.CHAT));
        String bob = uniqueCustomer();

        Resolution resolution =
                correlations.resolve(new ResolveRequest(ann.interaction().correlationId(), bob, Channel.CHAT));

        assertThat(resolution.outcome()).isEqualTo(ResolveOutcome.CREATED);
        assertThat(resolution.reason()).isEqualTo(ResolveReason.IDENTITY_MISMATCH);
        assertThat(resolution.interaction().correlationId())
                .isNotEqualTo(ann.interaction().correlationId());
        assertThat(resolution.interaction().identityKey()).isEqualTo(bob);
        assertThat(correlations.get(ann.interaction().correlationId()).identityKey())
                .isEqualTo(ann.interaction().identityKey());
    }

    @Test
    void anonymousInteractionLearnsTheIdentityAndIsThenFoundByIt() {
        Resolution anonymous = correlations.resolve(new ResolveRequest(null, null, Channel.CHAT));
        String identity = uniqueCustomer();

        Resolution loggedIn = correlations.resolve(
                new ResolveRequest(anonymous.interaction().correlationId(), identity, Channel.CHAT));
        Resolution otherDevice = correlations.resolve(new ResolveRequest(null, identity, Channel.VOICE));

        assertThat(loggedIn.reason()).isEqualTo(ResolveReason.CORRELATION_ID);
        assertThat(loggedIn.interaction().identityKey()).isEqualTo(identity);
        assertThat(otherDevice.reason()).isEqualTo(ResolveReason.IDENTITY);
        assertThat(otherDevice.interaction().correlationId())
                .isEqualTo(anonymous.interaction().correlationId());
    }

    @Test
    void devicesOfOneCustomerArrivingAtOnceShareOneInteraction() throws Exception {
        String identity = uniqueCustomer();
        int devices = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try {
            List<Future<Resolution>> results = new ArrayList<>();
            for (int device = 0; device < devices; device++) {
                Callable<Resolution> arrive = () -> {
                    start.await();
                    return correlations.resolve(new ResolveRequest(null, identity, Channel.CHAT));
                };
                results.add(pool.submit(arrive));
            }
            start.countDown();
            List<Resolution> resolutions = new ArrayList<>();
            for (Future<Resolution> result : results) {
                resolutions.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(resolutions)
                    .extracting(r -> r.interaction().correlationId())
                    .containsOnly(resolutions.get(0).interaction().correlationId());
            assertThat(resolutions).filteredOn(Resolution::created).hasSize(1);
            assertThat(interactionsOf(identity)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyResolveIsOnTheTimelineWithItsReason() {
        Resolution first = correlations.resolve(new ResolveRequest(null, null, Channel.CHAT));
        UUID id = first.interaction().correlationId();
        correlations.resolve(new ResolveRequest(id, null, Channel.COBROWSE));

        List<TimelineEvent> events = timeline.list(id, 0, 100);

        assertThat(events)
                .extracting(TimelineEvent::type)
                .containsExactly(TimelineEventTypes.INTERACTION_CREATED, TimelineEventTypes.INTERACTION_RESUMED);
        assertThat(events.get(0).details()).containsEntry("channel", "chat").containsEntry("reason", "new_contact");
        assertThat(events.get(1).details())
                .containsEntry("channel", "cobrowse")
                .containsEntry("reason", "correlation_id");
        assertThat(events.get(1).summary()).isEqualTo("Resumed on cobrowse (same correlation ID)");
    }

    private long interactionsOf(String identityKey) {
        return jdbc.queryForObject("select count(*) from interaction where identity_key = ?", Long.class, identityKey);
    }

    private static String uniqueEmail() {
        return "ann." + UUID.randomUUID() + "@example.com";
    }

    private static String uniqueCustomer() {
        return "customer:" + UUID.randomUUID();
    }
}
