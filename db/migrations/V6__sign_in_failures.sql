-- Liaison schema, version 6: failed sign-ins and temporary lockouts.
--
-- A user whose password is given wrongly too many times within a window is locked for a while (docs/security.md,
-- liaison.security.sign-in.*). The count lives in its own table, not in user_account: writing user_account changes
-- its version, which signs the user's open sessions out, and a stranger guessing passwords must not be able to do
-- that. Only names of existing users get a row; a wrong name is throttled per address, in memory.

CREATE TABLE sign_in_failure (
    user_id          UUID PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    -- failed sign-ins since first_failure_at (the window starts again after it passes or after a lockout)
    failures         INTEGER NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    last_failure_at  TIMESTAMPTZ NOT NULL,
    -- while in the future, the account cannot sign in, whatever the password
    locked_until     TIMESTAMPTZ,
    CONSTRAINT sign_in_failure_count_positive CHECK (failures > 0)
);
