package dev.liaison.gateway.camel;

import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.TargetNotAllowedException;
import java.util.Map;

/** Reason codes the routes may name in {@code LiaisonGatewayReason}, and the reason that fits a failed command. */
final class EndReasons {

    private static final Map<String, EndReason> BY_CODE = Map.of(
            EndReason.NORMAL.code(), EndReason.NORMAL,
            EndReason.BUSY.code(), EndReason.BUSY,
            EndReason.DECLINED.code(), EndReason.DECLINED,
            EndReason.NO_ANSWER.code(), EndReason.NO_ANSWER,
            EndReason.NOT_FOUND.code(), EndReason.NOT_FOUND,
            EndReason.FORBIDDEN.code(), EndReason.FORBIDDEN,
            EndReason.UNAVAILABLE.code(), EndReason.UNAVAILABLE);

    private EndReasons() {}

    static EndReason parse(String code) {
        EndReason reason = BY_CODE.get(code.trim());
        if (reason == null) {
            throw new IllegalArgumentException(
                    "Unknown reason '" + code + "'; expected one of " + String.join(", ", BY_CODE.keySet()));
        }
        return reason;
    }

    static EndReason forFailure(RuntimeException e) {
        if (e instanceof TargetNotAllowedException) {
            return EndReason.FORBIDDEN;
        }
        if (e instanceof CallNotFoundException) {
            return EndReason.NOT_FOUND;
        }
        return EndReason.ERROR;
    }
}
