package dev.liaison.cti.api.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A failed CTI operation or mapping, with its {@link CtiFailure} and, when the contact center answered with an error,
 * the vendor's own status code (e.g. the UCCE FAILURE_CONF status) so that it reaches logs and the timeline unchanged.
 */
public class CtiException extends Exception {

    private final CtiFailure failure;
    private final Long vendorCode;

    public CtiException(CtiFailure failure, String message) {
        this(failure, message, null, null);
    }

    public CtiException(CtiFailure failure, String message, Long vendorCode) {
        this(failure, message, vendorCode, null);
    }

    public CtiException(CtiFailure failure, String message, Long vendorCode, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.vendorCode = vendorCode;
    }

    public CtiFailure failure() {
        return failure;
    }

    public OptionalLong vendorCode() {
        return vendorCode == null ? OptionalLong.empty() : OptionalLong.of(vendorCode);
    }
}
