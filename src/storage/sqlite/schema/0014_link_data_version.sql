-- Schema version 14: a second counter beside the data version, the link data version, which only
-- writes to entities, links and merges increment (SqliteStore::AppendGraph, RecordMerge,
-- UndoMerge; each also increments the data version). `ordo serve` rebuilds its entity graph only
-- when this one changes, so a seizures-only import refreshes the seizure answers without a graph
-- rebuild (docs/api/README.md, "Freshness and caching"). PostgreSQL keeps the same column with
-- triggers (its schema version 7).
ALTER TABLE data_version ADD COLUMN link_version INTEGER NOT NULL DEFAULT 1;
