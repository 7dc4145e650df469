-- Schema version 12: the data version. One counter row that every write to the data a server
-- answers from (registry, seizures, cultivation, prices, entities, links, merges) increments in
-- its own transaction (SqliteStore), and that `ordo serve` polls to notice another process's
-- writes (docs/api/README.md, "Freshness and caching"). Accounts and the audit log do not touch
-- it: the server's own audit appends change the file on every request to case data, and must not
-- make it reload. PostgreSQL keeps the same counter with triggers (its schema version 4).
CREATE TABLE data_version (
  only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
  version INTEGER NOT NULL
);
INSERT INTO data_version (only_row, version) VALUES (1, 1);
