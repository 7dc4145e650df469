-- PostgreSQL schema version 6: the HTTP server's sessions, as SQLite's version 13
-- (docs/accounts.md). Only the SHA-256 of the cookie's value is stored. Like the accounts it is no
-- case data (no distribution key; a reference table or a coordinator table under a distributed
-- engine) and it gets no data-version trigger (schema version 4): a session refresh must not make
-- every server reload.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  account text NOT NULL REFERENCES accounts (name),
  password_fingerprint text NOT NULL,
  created_at text NOT NULL,
  last_seen_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
