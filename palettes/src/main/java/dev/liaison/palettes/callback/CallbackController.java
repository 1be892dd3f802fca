package dev.liaison.palettes.callback;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/callbacks")
@Tag(name = "Callbacks", description = "Call the customer back instead of keeping them waiting: now or at a time")
class CallbackController {

    private final CallbackService callbacks;
    private final CallbackAttempts attempts;

    CallbackController(CallbackService callbacks, CallbackAttempts attempts) {
        this.callbacks = callbacks;
        this.attempts = attempts;
    }

    /** How an attempt went: {@code answered}, {@code no-answer}, {@code busy} or {@code failed}. */
    record AttemptReport(String outcome, @Size(max = 100) String agent) {}

    /** Who cancels ({@code customer} or {@code admin}, default customer) and why. */
    record Cancel(@Size(max = 100) String reason, @Pattern(regexp = "customer|admin") String by) {}

    @PreAuthorize(Access.WORK)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a callback: now (virtual hold) or at a time, in the app or on a phone")
    CallbackView create(@RequestBody @NotNull CallbackRequest request) {
        return CallbackView.of(callbacks.request(request, "customer"));
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/{id}")
    @Operation(summary = "One callback, with its state and attempts")
    CallbackView get(@PathVariable UUID id) {
        return CallbackView.of(callbacks.get(id));
    }

    @PreAuthorize(Access.READ)
    @GetMapping
    @Operation(summary = "The callbacks of one contact, oldest first")
    List<CallbackView> ofContact(@RequestParam UUID correlationId) {
        return callbacks.forContact(correlationId).stream()
                .map(CallbackView::of)
                .toList();
    }

    @PreAuthorize(CallbackAccess.OWN_ATTEMPT)
    @PostMapping("/{id}/attempts")
    @Operation(summary = "Report how the attempt an agent is dialing went; failures retry or fail the callback")
    CallbackView report(@PathVariable UUID id, @Valid @RequestBody AttemptReport report) {
        String actor = report.agent() == null || report.agent().isBlank() ? "api" : "agent:" + report.agent();
        return CallbackView.of(attempts.report(id, report.outcome(), actor));
    }

    @PreAuthorize(Access.WORK)
    @PostMapping("/{id}/cancel")
    @Operation(summary = "Withdraw a callback before it completes (removes its schedule and any waiting task)")
    CallbackView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) Cancel cancel) {
        String by = cancel == null || cancel.by() == null ? "customer" : cancel.by();
        String reason = cancel == null || cancel.reason() == null ? "canceled by " + by : cancel.reason();
        return CallbackView.of(callbacks.cancel(id, reason, by));
    }
}
