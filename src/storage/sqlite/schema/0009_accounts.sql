-- Schema version 9: the accounts of a multi-user server, their compartments and API tokens
-- (core/account.h, AccountStore). Passwords are kept only as argon2id encoded hashes and tokens only
-- as SHA-256 hashes (analytics/password_hash.h).
CREATE TABLE accounts (
  name TEXT PRIMARY KEY CHECK (name <> ''),
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL CHECK (failed_logins >= 0),
  locked_until TEXT NOT NULL
) STRICT;

CREATE TABLE account_compartments (
  account TEXT NOT NULL REFERENCES accounts (name),
  compartment TEXT NOT NULL,
  PRIMARY KEY (account, compartment)
) STRICT, WITHOUT ROWID;

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  account TEXT NOT NULL REFERENCES accounts (name),
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL CHECK (revoked IN (0, 1))
) STRICT;
CREATE INDEX api_tokens_by_account ON api_tokens (account);
