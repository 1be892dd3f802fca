package dev.liaison.palettes.agent;

import java.time.Instant;
import java.util.UUID;

/** Published (after commit) whenever an agent's state or not-ready reason changes. */
public record AgentStateChanged(
        UUID agentId, String login, AgentState from, AgentState to, String reason, AgentEvent cause, Instant at) {}
