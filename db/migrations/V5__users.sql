-- Liaison schema, version 5: the people and systems that sign in to the HTTP API and the web UIs.
--
-- A user account has a name, a password hash, roles and an enabled flag. Passwords are stored only as hashes in
-- Spring Security's delegating format, '{bcrypt}$2a$10$...', so the algorithm can change later without a
-- migration. An AGENT user may be linked to the ACD agent it acts as; it may then act for that agent only
-- (docs/security.md). Customers (tokens on /ws/client) and SIP-over-WebSocket users (digest) are not here.

CREATE TABLE user_account (
    id            UUID PRIMARY KEY,
    username      VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(500) NOT NULL,
    enabled       BOOLEAN NOT NULL,
    -- the ACD agent this user acts as; at most one user per agent
    agent_id      UUID UNIQUE REFERENCES agent (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT user_account_username_format CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$'),
    CONSTRAINT user_account_password_hash_format CHECK (password_hash ~ '^\{[a-z0-9@-]+\}.+$')
);

CREATE TABLE user_account_role (
    user_id UUID NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_account_role_known CHECK (role IN ('ADMIN', 'AGENT', 'DESIGNER', 'METRICS'))
);

-- "is there an enabled administrator?" is asked at every start-up
CREATE INDEX user_account_role_by_role_idx ON user_account_role (role);
