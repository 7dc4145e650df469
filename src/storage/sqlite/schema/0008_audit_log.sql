-- Schema version 8: the append-only, hash-chained audit log (core/audit_record.h, AuditStore).
--
-- One row per record, numbered from 1 without gaps. hash is the SHA-256 of the record's content
-- and of prev_hash, the record before it (core/audit_record.h says the exact encoding), so
-- `ordo audit verify` finds any row edited, deleted or moved. The triggers make SQLite itself refuse
-- UPDATE and DELETE; someone with the file and a SQLite shell can drop them, and that is what the
-- chain is for. No CHECK on the values: a tampered row must still read back for verify to name it.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  origin TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
