-- Schema version 13: the HTTP server's sessions (AccountStore, docs/accounts.md), kept in the
-- database so that they survive a restart and every server on one database shares them. Only the
-- SHA-256 of the cookie's value is stored, never the value. Not data: writing a session leaves the
-- data version (schema version 12) alone, or every request would make the server reload.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  account TEXT NOT NULL REFERENCES accounts (name),
  password_fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_account ON sessions (account);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
