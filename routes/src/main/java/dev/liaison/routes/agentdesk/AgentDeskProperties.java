package dev.liaison.routes.agentdesk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agent desktop's client tokens ({@code liaison.agent-desk.*}). Checked at startup.
 *
 * @param tokenTtl how long an agent's {@code /ws/client} token may be used to authenticate, in (0, 1h]; default 10
 *     minutes. The desktop asks for a fresh one before it expires and whenever it reconnects.
 */
@ConfigurationProperties("liaison.agent-desk")
public record AgentDeskProperties(@DefaultValue("10m") Duration tokenTtl) {

    /** Agent tokens are short-lived like customer tokens: at most an hour. */
    static final Duration MAX_TOKEN_TTL = Duration.ofHours(1);

    public AgentDeskProperties {
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException(
                    "liaison.agent-desk.token-ttl must be more than 0 and at most 1h, got " + tokenTtl);
        }
    }
}
