-- Schema version 11: the compartment and classification marking of every row of case data
-- (entities, links, seizures; core/visibility.h, docs/compartments.md). Rows written before this
-- version are in compartment 'general' and unmarked, as an import without --compartment and
-- --marking writes them. Cultivation and prices are public statistics, not case data: they get
-- neither. The writers keep a case in one compartment and a link inside the compartment of its
-- ends (storage/compartment_rules.h; they check the names too, in the order of the contract, so the
-- columns carry no CHECK of their own); the index on case_id serves that check, and the index on
-- compartment the reads of one reader's compartments.
ALTER TABLE entities ADD COLUMN compartment TEXT NOT NULL DEFAULT 'general';
ALTER TABLE entities ADD COLUMN marking TEXT NOT NULL DEFAULT 'unmarked'
  CHECK (marking IN ('unmarked', 'official-use', 'secret', 'top-secret'));
CREATE INDEX entities_by_compartment ON entities (compartment);

ALTER TABLE links ADD COLUMN compartment TEXT NOT NULL DEFAULT 'general';
ALTER TABLE links ADD COLUMN marking TEXT NOT NULL DEFAULT 'unmarked'
  CHECK (marking IN ('unmarked', 'official-use', 'secret', 'top-secret'));
CREATE INDEX links_by_compartment ON links (compartment);

ALTER TABLE seizures ADD COLUMN compartment TEXT NOT NULL DEFAULT 'general';
ALTER TABLE seizures ADD COLUMN marking TEXT NOT NULL DEFAULT 'unmarked'
  CHECK (marking IN ('unmarked', 'official-use', 'secret', 'top-secret'));
CREATE INDEX seizures_by_case ON seizures (case_id, compartment);
CREATE INDEX seizures_by_compartment ON seizures (compartment);
