-- Liaison schema, version 4: queued callbacks, and the durable scheduler that fires them.
--
-- A callback is a customer's request to be called back instead of waiting: now (virtual hold, keeping their
-- place in the queue) or at a chosen time, in the app/page or on a phone number, with a bounded number of
-- attempts. Each attempt is a task of channel 'callback' in the ACD. Times at which a callback (or its
-- next attempt) fires are db-scheduler one-time executions in scheduled_tasks, so they survive restarts and
-- fire on exactly one node; the callback row is locked and its state checked before each transition, so a
-- duplicate execution is a no-op.

CREATE TABLE callback (
    id                  UUID PRIMARY KEY,
    correlation_id      UUID NOT NULL REFERENCES interaction (correlation_id),
    -- SCHEDULED -> QUEUED -> IN_PROGRESS -> COMPLETED, or -> RETRY_SCHEDULED -> QUEUED ... -> FAILED;
    -- CANCELED from any state before COMPLETED (docs/callbacks.md)
    state               VARCHAR(16) NOT NULL,
    -- where each attempt waits: a queue or a workflow, by name
    queue_name          VARCHAR(64),
    workflow_name       VARCHAR(64),
    priority            INTEGER NOT NULL,
    -- how the customer is reached: 'in-app' (ringing the page/app) or 'phone' (through the SIP trunk)
    target              VARCHAR(16) NOT NULL,
    -- E.164; required for 'phone', the fallback for 'in-app' when given
    phone_number        VARCHAR(16),
    -- true when the customer's waiting task became the first attempt in place (virtual hold)
    virtual_hold        BOOLEAN NOT NULL,
    replaced_task_id    UUID REFERENCES task (id),
    requested_at        TIMESTAMPTZ NOT NULL,
    -- the time the customer chose; null for 'now'
    requested_for       TIMESTAMPTZ,
    -- when the next attempt is queued (SCHEDULED and RETRY_SCHEDULED only)
    next_attempt_at     TIMESTAMPTZ,
    -- attempts started so far (tasks queued)
    attempts            INTEGER NOT NULL DEFAULT 0,
    max_attempts        INTEGER NOT NULL,
    retry_delay_seconds INTEGER NOT NULL,
    -- the task of the current (or last) attempt
    task_id             UUID REFERENCES task (id),
    -- answered, no-answer, busy or failed: what the last attempt reported
    last_outcome        VARCHAR(16),
    ended_at            TIMESTAMPTZ,
    end_reason          VARCHAR(100),
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT callback_state_known
        CHECK (state IN ('SCHEDULED', 'QUEUED', 'IN_PROGRESS', 'RETRY_SCHEDULED', 'COMPLETED', 'FAILED', 'CANCELED')),
    CONSTRAINT callback_queue_or_workflow CHECK ((queue_name IS NULL) <> (workflow_name IS NULL)),
    CONSTRAINT callback_priority_range CHECK (priority BETWEEN 0 AND 1000),
    CONSTRAINT callback_target_known CHECK (target IN ('in-app', 'phone')),
    CONSTRAINT callback_phone_e164 CHECK (phone_number ~ '^\+[1-9][0-9]{7,14}$'),
    CONSTRAINT callback_phone_for_phone_target CHECK (target <> 'phone' OR phone_number IS NOT NULL),
    CONSTRAINT callback_attempts_range CHECK (max_attempts BETWEEN 1 AND 100 AND attempts BETWEEN 0 AND max_attempts),
    CONSTRAINT callback_retry_delay_positive CHECK (retry_delay_seconds > 0),
    CONSTRAINT callback_next_attempt_when_waiting
        CHECK ((state IN ('SCHEDULED', 'RETRY_SCHEDULED')) = (next_attempt_at IS NOT NULL)),
    CONSTRAINT callback_task_when_attempting CHECK (state NOT IN ('QUEUED', 'IN_PROGRESS') OR task_id IS NOT NULL),
    CONSTRAINT callback_outcome_known
        CHECK (last_outcome IS NULL OR last_outcome IN ('answered', 'no-answer', 'busy', 'failed'))
);

CREATE INDEX callback_correlation_idx ON callback (correlation_id, requested_at);
-- the ACD's task events find their callback by task
CREATE INDEX callback_task_idx ON callback (task_id);
-- one live callback per task: an attempt's task belongs to exactly one callback
CREATE UNIQUE INDEX callback_one_live_per_task ON callback (task_id) WHERE state IN ('QUEUED', 'IN_PROGRESS');

-- db-scheduler 16.x (com.github.kagkarlsson:db-scheduler) keeps its executions here; the columns are the ones
-- its JdbcTaskRepository reads and writes (PostgreSQL flavour: timestamptz, bytea). One row per pending
-- execution, keyed by task name and instance id; 'picked' marks the one node executing it, and 'version'
-- makes picking an optimistic compare-and-set. Priority is only read when priority ordering is enabled.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
