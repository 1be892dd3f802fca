package dev.liaison.cti.api.screenpop;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import java.util.List;
import java.util.stream.Collectors;

/** The context does not fit the vendor's screen-pop fields under {@link OverflowPolicy#REJECT}. */
public final class ScreenPopLimitException extends CtiException {

    private final List<ScreenPopViolation> violations;

    public ScreenPopLimitException(List<ScreenPopViolation> violations) {
        super(
                CtiFailure.LIMIT_EXCEEDED,
                "Context does not fit the screen-pop fields: "
                        + violations.stream().map(ScreenPopViolation::describe).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<ScreenPopViolation> violations() {
        return violations;
    }
}
