-- Liaison schema, version 1: the system audit log.
-- Every administrative change and every node start and stop is recorded here, newest last.
-- Later migrations add the contact timeline, queues, agents and tasks; they never edit this file.

CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- who did it: 'system', or a principal such as 'admin:alice'
    actor       VARCHAR(200) NOT NULL,
    -- what happened, as a dotted name: 'node.started', 'queue.created'
    action      VARCHAR(100) NOT NULL,
    -- what it happened to, when there is one: 'node:host-1', 'queue:support'
    subject     VARCHAR(200),
    details     JSONB NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_event_action_format CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$')
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, occurred_at);
