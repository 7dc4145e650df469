-- Schema version 10: merges of entities (LinkStore::RecordMerge, storage/link_store.h).
--
-- Same conventions as 0007_entities_and_links.sql. A merge keeps one entity and reads the others
-- as it; the entities and links themselves are never touched, so undoing a merge restores the
-- graph exactly. Rows are never deleted: an undo fills undone_by and undone_at ('' while the
-- merge is in force), which keeps the provenance of every decision.
CREATE TABLE entity_merges (
  id INTEGER PRIMARY KEY,
  kept INTEGER NOT NULL REFERENCES entities (id),
  note TEXT NOT NULL,
  merged_by TEXT NOT NULL CHECK (merged_by <> ''),
  merged_at TEXT NOT NULL CHECK (merged_at <> ''),
  undone_by TEXT NOT NULL DEFAULT '',
  undone_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX entity_merges_by_kept ON entity_merges (kept);

-- The merged entities of each merge, in the order given.
CREATE TABLE entity_merge_members (
  merge INTEGER NOT NULL REFERENCES entity_merges (id),
  position INTEGER NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities (id),
  PRIMARY KEY (merge, position)
) STRICT;
CREATE INDEX entity_merge_members_by_entity ON entity_merge_members (entity);
