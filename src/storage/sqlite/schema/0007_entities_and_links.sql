-- Schema version 7: the entities and links of link analysis (core/entity.h, LinkStore).
--
-- Same conventions as 0001_init.sql. Links refer to entities by their integer key; the text ids
-- are what users and imports name them by. Entity and link properties are child tables, one row
-- per value, in order. Dates are kept as written plus the first day of the start and the last day of
-- the end (days since 1970-01-01), so "valid on day D" is an integer comparison. case_id is the
-- key a later distributed (sharded) layout partitions case data by (docs/architecture.md).
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  entity_id TEXT NOT NULL UNIQUE CHECK (entity_id <> ''),
  type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'phone', 'vehicle', 'address',
                                     'account', 'place', 'email', 'identifier')),
  name TEXT NOT NULL,
  schema TEXT NOT NULL,  -- the interchange schema it was imported as ('Company'), or ''
  case_id TEXT NOT NULL,
  source TEXT NOT NULL,
  synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1))
) STRICT;
CREATE INDEX entities_by_case ON entities (case_id);

CREATE TABLE entity_properties (
  entity INTEGER NOT NULL REFERENCES entities (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (entity, position)
) STRICT;

CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  link_id TEXT NOT NULL UNIQUE CHECK (link_id <> ''),
  type TEXT NOT NULL CHECK (type IN ('call', 'ownership', 'directorship', 'family', 'associate',
                                     'travel', 'payment', 'membership', 'employment',
                                     'seizure_involvement', 'holds', 'unknown')),
  from_entity INTEGER NOT NULL REFERENCES entities (id),
  to_entity INTEGER NOT NULL REFERENCES entities (id),
  directed INTEGER NOT NULL CHECK (directed IN (0, 1)),
  schema TEXT NOT NULL,
  start_date TEXT,  -- as written, NULL when unknown
  start_day INTEGER,
  end_date TEXT,
  end_day INTEGER,
  source TEXT NOT NULL,
  grade TEXT NOT NULL,
  case_id TEXT NOT NULL,
  synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1))
) STRICT;
CREATE INDEX links_by_from ON links (from_entity);
CREATE INDEX links_by_to ON links (to_entity);
CREATE INDEX links_by_case ON links (case_id);

CREATE TABLE link_properties (
  link INTEGER NOT NULL REFERENCES links (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (link, position)
) STRICT;
