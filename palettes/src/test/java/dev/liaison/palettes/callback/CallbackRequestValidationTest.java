package dev.liaison.palettes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A callback request is checked field by field, and each problem has its own stable code and names its field. */
class CallbackRequestValidationTest {

    private static final Instant NOW = Instant.parse("2030-01-10T12:00:00Z");
    private static final UUID CONTACT = UUID.randomUUID();

    private final CallbackRequestValidator validator = new CallbackRequestValidator(new CallbackProperties(
            Duration.ofDays(30),
            3,
            10,
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            Duration.ofHours(24),
            Duration.ofSeconds(30)));

    @Test
    void nowInTheAppWithDefaultsNeedsOnlyAContactAndAQueue() {
        ValidCallbackRequest valid = validator.validate(request("now", "in-app", null), NOW);

        assertThat(valid.at()).isNull();
        assertThat(valid.target()).isEqualTo(CallbackTarget.IN_APP);
        assertThat(valid.maxAttempts()).isEqualTo(3);
        assertThat(valid.retryDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(valid.priority()).isZero();
        assertThat(valid.queue()).isEqualTo("sales");
        assertThat(valid.virtualHold()).isFalse();
    }

    @Test
    void aTimeWithAnOffsetIsTheInstantItNames() {
        ValidCallbackRequest valid =
                validator.validate(request("2030-01-10T15:30:00+02:00", "phone", "+4930123456"), NOW);

        assertThat(valid.at()).isEqualTo(Instant.parse("2030-01-10T13:30:00Z"));
        assertThat(valid.phoneNumber()).isEqualTo("+4930123456");
    }

    @Test
    void aTimeInThePastIsRejectedNamingTheWhenField() {
        assertRejected(request("2030-01-10T11:59:59Z", "in-app", null), "callback.time_in_past", "when");
        assertRejected(request(NOW.toString(), "in-app", null), "callback.time_in_past", "when");
    }

    @Test
    void aTimeBeyondTheHorizonIsRejected() {
        assertRejected(
                request(NOW.plus(Duration.ofDays(30)).plusSeconds(1).toString(), "in-app", null),
                "callback.time_beyond_horizon",
                "when");
        assertThat(validator
                        .validate(request(NOW.plus(Duration.ofDays(30)).toString(), "in-app", null), NOW)
                        .at())
                .isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aWhenThatIsNeitherNowNorATimeIsRejected() {
        assertRejected(request("tomorrow", "in-app", null), "callback.when_invalid", "when");
        assertRejected(request("2030-01-11T10:00:00", "in-app", null), "callback.when_invalid", "when");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"4930123456", "+49 30 123456", "+1234567", "+1234567890123456", "+0301234567", "+49-30-1234"})
    void aPhoneNumberThatIsNotE164IsRejected(String phone) {
        assertRejected(request("now", "phone", phone), "callback.phone_invalid", "phoneNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+12345678", "+123456789012345"})
    void eightToFifteenDigitsAfterThePlusAreAccepted(String phone) {
        assertThat(validator.validate(request("now", "phone", phone), NOW).phoneNumber())
                .isEqualTo(phone);
    }

    @Test
    void thePhoneTargetNeedsANumber() {
        assertRejected(request("now", "phone", null), "callback.phone_invalid", "phoneNumber");
    }

    @Test
    void anUnknownTargetIsRejected() {
        assertRejected(request("now", "carrier-pigeon", null), "callback.target_invalid", "target");
    }

    @Test
    void attemptsAndRetryDelayStayWithinTheirLimits() {
        assertRejected(withAttempts(0, 300), "callback.max_attempts_invalid", "maxAttempts");
        assertRejected(withAttempts(11, 300), "callback.max_attempts_invalid", "maxAttempts");
        assertRejected(withAttempts(3, 29), "callback.retry_delay_invalid", "retryDelaySeconds");
        assertRejected(withAttempts(3, 86_401), "callback.retry_delay_invalid", "retryDelaySeconds");

        ValidCallbackRequest valid = validator.validate(withAttempts(10, 30), NOW);
        assertThat(valid.maxAttempts()).isEqualTo(10);
        assertThat(valid.retryDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void exactlyOneOfQueueAndWorkflowUnlessATaskIsReplaced() {
        assertRejected(
                new CallbackRequest(CONTACT, "sales", "triage", "now", null, null, null, null, null, null),
                "callback.destination_invalid",
                "queue");
        assertRejected(
                new CallbackRequest(CONTACT, null, null, "now", null, null, null, null, null, null),
                "callback.destination_invalid",
                "queue");
        assertRejected(
                new CallbackRequest(CONTACT, "sales", null, "now", null, null, null, null, UUID.randomUUID(), null),
                "callback.destination_invalid",
                "queue");

        ValidCallbackRequest hold = validator.validate(
                new CallbackRequest(CONTACT, null, null, "now", null, null, null, null, UUID.randomUUID(), null), NOW);
        assertThat(hold.virtualHold()).isTrue();
    }

    @Test
    void aMissingCorrelationIdIsRejected() {
        assertRejected(
                new CallbackRequest(null, "sales", null, "now", null, null, null, null, null, null),
                "request.invalid",
                "correlationId");
    }

    private void assertRejected(CallbackRequest request, String code, String field) {
        assertThatThrownBy(() -> validator.validate(request, NOW))
                .isInstanceOfSatisfying(InvalidCallbackException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.status().value()).isEqualTo(400);
                });
    }

    private static CallbackRequest request(String when, String target, String phone) {
        return new CallbackRequest(CONTACT, "sales", null, when, target, phone, null, null, null, null);
    }

    private static CallbackRequest withAttempts(int attempts, int retryDelaySeconds) {
        return new CallbackRequest(CONTACT, "sales", null, "now", null, null, attempts, retryDelaySeconds, null, null);
    }
}
