-- PostgreSQL schema version 2: the append-only, hash-chained audit log (core/audit_record.h,
-- AuditStore) and the accounts of a multi-user server (core/account.h, AccountStore), as SQLite's
-- versions 8 and 9.
--
-- audit_log: one row per record, numbered from 1 without gaps; hash is the SHA-256 of the record's
-- content and of prev_hash, so `ordo audit verify` finds any row edited, deleted or moved. The
-- triggers make the server refuse UPDATE, DELETE and TRUNCATE; a superuser can drop them, and that
-- is what the chain is for. No CHECK on the values: a tampered row must still read back for verify
-- to name it. The audit log is not case data: it stays one table (a Citus reference table or a
-- table on the coordinator), so the chain keeps one order.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  object text NOT NULL,
  origin text NOT NULL,
  outcome text NOT NULL,
  detail text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Passwords are kept only as argon2id encoded hashes and tokens only as SHA-256 hashes
-- (analytics/password_hash.h).
CREATE TABLE accounts (
  name text PRIMARY KEY CHECK (name <> ''),
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  disabled integer NOT NULL CHECK (disabled IN (0, 1)),
  created_at text NOT NULL,
  password_hash text NOT NULL,
  failed_logins bigint NOT NULL CHECK (failed_logins >= 0),
  locked_until text NOT NULL
);

CREATE TABLE account_compartments (
  account text NOT NULL REFERENCES accounts (name),
  compartment text NOT NULL,
  PRIMARY KEY (account, compartment)
);

CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  account text NOT NULL REFERENCES accounts (name),
  label text NOT NULL,
  created_at text NOT NULL,
  revoked integer NOT NULL CHECK (revoked IN (0, 1))
);
CREATE INDEX api_tokens_by_account ON api_tokens (account);
