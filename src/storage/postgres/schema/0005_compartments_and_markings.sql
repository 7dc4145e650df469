-- PostgreSQL schema version 5: the compartment and classification marking of every row of case
-- data (entities, links, seizures), as SQLite's version 11 (docs/compartments.md). Existing rows
-- are in compartment 'general' and unmarked. case_id stays the distribution key: a case lies in
-- one compartment (the writers check it), so a shard that holds a case holds its compartment's
-- rows of it too, and a filter on compartment is evaluated on each shard (docs/postgres.md).
ALTER TABLE entities ADD COLUMN compartment text NOT NULL DEFAULT 'general';
ALTER TABLE entities ADD COLUMN marking text NOT NULL DEFAULT 'unmarked'
  CHECK (marking IN ('unmarked', 'official-use', 'secret', 'top-secret'));
CREATE INDEX entities_by_compartment ON entities (compartment);

ALTER TABLE links ADD COLUMN compartment text NOT NULL DEFAULT 'general';
ALTER TABLE links ADD COLUMN marking text NOT NULL DEFAULT 'unmarked'
  CHECK (marking IN ('unmarked', 'official-use', 'secret', 'top-secret'));
CREATE INDEX links_by_compartment ON links (compartment);

ALTER TABLE seizures ADD COLUMN compartment text NOT NULL DEFAULT 'general';
ALTER TABLE seizures ADD COLUMN marking text NOT NULL DEFAULT 'unmarked'
  CHECK (marking IN ('unmarked', 'official-use', 'secret', 'top-secret'));
CREATE INDEX seizures_by_compartment ON seizures (compartment);
