-- Liaison schema, version 3: the built-in ACD.
-- Skills, agents (with an explicit state machine), queues, workflows, tasks and reservations.
-- The routing engine takes tasks and agents with SELECT ... FOR UPDATE SKIP LOCKED, and the partial unique
-- indexes below make it impossible, whatever the code does, for a task to be offered to two agents at once
-- or for an agent to hold two offers at once.

CREATE TABLE skill (
    name        VARCHAR(64) PRIMARY KEY,
    description VARCHAR(500),
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT skill_name_format CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$')
);

CREATE TABLE agent (
    id             UUID PRIMARY KEY,
    login          VARCHAR(100) NOT NULL UNIQUE,
    display_name   VARCHAR(200) NOT NULL,
    -- free-form attributes the target expressions read (languages, team, ...)
    attributes     JSONB NOT NULL DEFAULT '{}'::jsonb,
    -- tasks the agent may hold at once, per channel: {"voice":1,"video":1,"chat":3,"callback":1}
    capacity       JSONB NOT NULL,
    state          VARCHAR(16) NOT NULL,
    -- why the agent is not ready ('break', 'missed-offer', ...), only in NOT_READY
    state_reason   VARCHAR(100),
    state_since    TIMESTAMPTZ NOT NULL,
    -- since when the agent has had no work: longest-idle agents are offered first
    idle_since     TIMESTAMPTZ NOT NULL,
    -- last sign of life from the agent's desktop; agents silent for too long are logged out
    last_seen_at   TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT agent_state_known
        CHECK (state IN ('OFFLINE', 'AVAILABLE', 'RESERVED', 'BUSY', 'WRAP_UP', 'NOT_READY')),
    CONSTRAINT agent_reason_only_when_not_ready CHECK (state = 'NOT_READY' OR state_reason IS NULL),
    CONSTRAINT agent_login_format CHECK (login ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$')
);

CREATE INDEX agent_routable_idx ON agent (idle_since) WHERE state IN ('AVAILABLE', 'BUSY');
CREATE INDEX agent_presence_idx ON agent (last_seen_at) WHERE state <> 'OFFLINE';

CREATE TABLE agent_skill (
    agent_id    UUID NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    skill       VARCHAR(64) NOT NULL REFERENCES skill (name),
    proficiency SMALLINT NOT NULL,
    PRIMARY KEY (agent_id, skill),
    CONSTRAINT agent_skill_proficiency_range CHECK (proficiency BETWEEN 1 AND 10)
);

CREATE TABLE task_queue (
    id                          UUID PRIMARY KEY,
    name                        VARCHAR(64) NOT NULL UNIQUE,
    description                 VARCHAR(500),
    -- which agents serve this queue (routing expression language, docs/routing-expressions.md)
    target_expression           VARCHAR(4096) NOT NULL,
    reservation_timeout_seconds INTEGER NOT NULL,
    wrap_up_seconds             INTEGER NOT NULL,
    -- answered within this many seconds counts towards the service level
    service_level_seconds       INTEGER NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL,
    version                     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT task_queue_name_format CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
    CONSTRAINT task_queue_reservation_timeout_range CHECK (reservation_timeout_seconds BETWEEN 5 AND 600),
    CONSTRAINT task_queue_wrap_up_range CHECK (wrap_up_seconds BETWEEN 0 AND 3600),
    CONSTRAINT task_queue_service_level_range CHECK (service_level_seconds BETWEEN 1 AND 3600)
);

CREATE TABLE workflow (
    id          UUID PRIMARY KEY,
    name        VARCHAR(64) NOT NULL UNIQUE,
    description VARCHAR(500),
    -- ordered filters with targets and timeouts, validated by the application
    definition  JSONB NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT workflow_name_format CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$')
);

CREATE TABLE task (
    id             UUID PRIMARY KEY,
    correlation_id UUID NOT NULL REFERENCES interaction (correlation_id),
    channel        VARCHAR(16) NOT NULL,
    attributes     JSONB NOT NULL DEFAULT '{}'::jsonb,
    priority       INTEGER NOT NULL,
    status         VARCHAR(16) NOT NULL,
    workflow_id    UUID REFERENCES workflow (id),
    -- where the task waits now; with a workflow it changes as targets time out
    queue_id       UUID NOT NULL REFERENCES task_queue (id),
    filter_name    VARCHAR(64),
    target_index   INTEGER NOT NULL DEFAULT 0,
    target_since   TIMESTAMPTZ NOT NULL,
    -- when the current workflow target times out and the task escalates to the next one (null: never)
    target_deadline TIMESTAMPTZ,
    agent_id       UUID REFERENCES agent (id),
    created_at     TIMESTAMPTZ NOT NULL,
    -- when a WRAPPING task completes by itself if the agent has not finished it
    wrap_up_until  TIMESTAMPTZ,
    assigned_at    TIMESTAMPTZ,
    ended_at       TIMESTAMPTZ,
    end_reason     VARCHAR(100),
    version        BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT task_channel_known CHECK (channel IN ('voice', 'video', 'chat', 'callback')),
    CONSTRAINT task_status_known
        CHECK (status IN ('PENDING', 'RESERVED', 'ASSIGNED', 'WRAPPING', 'COMPLETED', 'CANCELED')),
    CONSTRAINT task_priority_range CHECK (priority BETWEEN 0 AND 1000),
    CONSTRAINT task_agent_when_assigned CHECK (status NOT IN ('ASSIGNED', 'WRAPPING') OR agent_id IS NOT NULL),
    CONSTRAINT task_no_agent_while_waiting CHECK (status NOT IN ('PENDING', 'RESERVED') OR agent_id IS NULL)
);

-- The routing engine reads waiting tasks highest priority first, then oldest first.
CREATE INDEX task_waiting_idx ON task (priority DESC, created_at) WHERE status = 'PENDING';
CREATE INDEX task_queue_status_idx ON task (queue_id, status);
CREATE INDEX task_correlation_idx ON task (correlation_id);
CREATE INDEX task_agent_active_idx ON task (agent_id) WHERE status IN ('ASSIGNED', 'WRAPPING');
CREATE INDEX task_escalation_idx ON task (target_deadline) WHERE status = 'PENDING';
CREATE INDEX task_wrap_up_idx ON task (wrap_up_until) WHERE status = 'WRAPPING';

CREATE TABLE reservation (
    id          UUID PRIMARY KEY,
    task_id     UUID NOT NULL REFERENCES task (id),
    agent_id    UUID NOT NULL REFERENCES agent (id),
    queue_id    UUID NOT NULL REFERENCES task_queue (id),
    status      VARCHAR(16) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    decided_at  TIMESTAMPTZ,
    -- why this agent: filter, target, expression, wait, skipped agents
    explanation JSONB NOT NULL,
    CONSTRAINT reservation_status_known
        CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'TIMED_OUT', 'CANCELED'))
);

CREATE UNIQUE INDEX reservation_one_pending_per_task ON reservation (task_id) WHERE status = 'PENDING';
CREATE UNIQUE INDEX reservation_one_pending_per_agent ON reservation (agent_id) WHERE status = 'PENDING';
CREATE INDEX reservation_expiry_idx ON reservation (expires_at) WHERE status = 'PENDING';
CREATE INDEX reservation_task_idx ON reservation (task_id);
