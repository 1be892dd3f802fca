-- Liaison schema, version 2: correlation IDs, the context relay and the per-contact timeline.
--
-- An interaction is one customer contact as the customer lives it, across channels (chat, voice, video,
-- callback, co-browse), devices and reconnects; its correlation ID is the key every other feature uses.
-- The context of an interaction is a set of JSON values per (category, key), written by the SDK, the IVR,
-- agents, CTI adapters and the system. The timeline is an append-only list of what happened to it.
-- Later migrations reference interaction(correlation_id); they never edit this file.

CREATE TABLE interaction (
    correlation_id UUID PRIMARY KEY,
    -- normalized identity supplied by the site ('customer:42', 'phone:+14155550100', 'email:ann@example.com');
    -- an interaction active within the resume window is continued when the same identity comes back
    identity_key   VARCHAR(330),
    -- the channel the interaction started on and the one it was last resumed on
    first_channel  VARCHAR(16) NOT NULL,
    last_channel   VARCHAR(16) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    -- moved on every resume and every context write
    last_seen_at   TIMESTAMPTZ NOT NULL,
    -- UTF-8 bytes of the merged context as of the last write (the limit is checked against this measure)
    context_bytes  INTEGER NOT NULL DEFAULT 0,
    -- optimistic version; writers also lock the row (SELECT ... FOR UPDATE) so that they queue up
    version        BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT interaction_first_channel_known
        CHECK (first_channel IN ('chat', 'voice', 'video', 'callback', 'cobrowse')),
    CONSTRAINT interaction_last_channel_known
        CHECK (last_channel IN ('chat', 'voice', 'video', 'callback', 'cobrowse')),
    CONSTRAINT interaction_context_bytes_positive CHECK (context_bytes >= 0),
    CONSTRAINT interaction_seen_after_created CHECK (last_seen_at >= created_at)
);

-- "the most recently active interaction of this identity", for resume by identity
CREATE INDEX interaction_identity_recent_idx ON interaction (identity_key, last_seen_at DESC)
    WHERE identity_key IS NOT NULL;

-- One row per written value. Every category keeps only the latest value per key (the partial unique index
-- below), except 'pages', which keeps one row per page view, oldest first by id, trimmed to a cap.
CREATE TABLE context_entry (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    correlation_id UUID NOT NULL REFERENCES interaction (correlation_id) ON DELETE CASCADE,
    category       VARCHAR(16) NOT NULL,
    entry_key      VARCHAR(128) NOT NULL,
    value          JSONB NOT NULL,
    -- who wrote it: the kind of writer, and the principal ('customer', 'agent:alice', 'ivr:flow-7')
    source         VARCHAR(16) NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    -- sensitive values are readable through the context API but never copied into the timeline
    sensitive      BOOLEAN NOT NULL DEFAULT FALSE,
    written_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT context_entry_category_known
        CHECK (category IN ('identity', 'device', 'location', 'pages', 'ivr', 'custom', 'routing')),
    CONSTRAINT context_entry_source_known
        CHECK (source IN ('sdk', 'ivr', 'agent', 'cti', 'system')),
    CONSTRAINT context_entry_key_format CHECK (entry_key ~ '^[A-Za-z][A-Za-z0-9_.-]*$')
);

-- the merged view: latest value per (category, key); page views are a list and are exempt
CREATE UNIQUE INDEX context_entry_latest_uq ON context_entry (correlation_id, category, entry_key)
    WHERE category <> 'pages';
CREATE INDEX context_entry_correlation_idx ON context_entry (correlation_id, id);

-- What happened to a contact, who did it and why, in order. Rows are never updated or deleted by the product.
CREATE TABLE timeline_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    correlation_id UUID NOT NULL REFERENCES interaction (correlation_id) ON DELETE CASCADE,
    occurred_at    TIMESTAMPTZ NOT NULL,
    -- dotted lower-case name: 'interaction.created', 'context.updated', 'contact.queued', 'routing.offered'
    type           VARCHAR(100) NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    -- one human-readable line for the agent and the admin
    summary        VARCHAR(500) NOT NULL,
    details        JSONB NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT timeline_event_type_format CHECK (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
    CONSTRAINT timeline_event_details_object CHECK (jsonb_typeof(details) = 'object')
);

-- reading a timeline page: WHERE correlation_id = ? AND id > ? ORDER BY id LIMIT ?
CREATE INDEX timeline_event_correlation_idx ON timeline_event (correlation_id, id);
