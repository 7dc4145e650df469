-- Schema version 1: the relations registry and the bundled drug-trade facts (RegistryStore).
--
-- Conventions: every table keys its rows by an INTEGER PRIMARY KEY (the rowid), and lists read
-- ORDER BY id, so rows come back in the order they were written. Tables are STRICT, so a value
-- keeps the type it was written with. A PartialDate is stored as its text form ("1992",
-- "1992-01", "1992-01-05") so its precision survives; a missing optional value is NULL. UNIQUE
-- and FOREIGN KEY constraints are the RegistryStore contract; each table has at most one of each,
-- so the store can name the broken key from SQLite's extended result code.

CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL  -- UTC, ISO 8601
) STRICT;

CREATE TABLE countries (
  id INTEGER PRIMARY KEY,
  iso3 TEXT NOT NULL UNIQUE,
  iso2 TEXT NOT NULL,
  numeric_code TEXT NOT NULL,
  name_en TEXT NOT NULL,
  official_name_en TEXT NOT NULL,
  common_name_en TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_ky TEXT NOT NULL,
  name_ru_source TEXT NOT NULL,
  name_ky_source TEXT NOT NULL,
  region TEXT NOT NULL,
  subregion TEXT NOT NULL,
  intermediate_region TEXT NOT NULL,
  un_member INTEGER NOT NULL CHECK (un_member IN (0, 1))
) STRICT;

-- Country::aliases, in their written order.
CREATE TABLE country_aliases (
  id INTEGER PRIMARY KEY,
  country_id INTEGER NOT NULL REFERENCES countries (id),
  alias TEXT NOT NULL
) STRICT;
CREATE INDEX country_aliases_by_country ON country_aliases (country_id);

CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  iso3 TEXT NOT NULL UNIQUE REFERENCES countries (iso3),
  country_name_en TEXT NOT NULL,
  established TEXT,
  source_url TEXT NOT NULL,
  table_rank INTEGER,
  notes TEXT NOT NULL,
  table_cited_source_url TEXT NOT NULL,
  wikitext_copy_url TEXT NOT NULL
) STRICT;

CREATE TABLE missing_relations (
  id INTEGER PRIMARY KEY,
  iso3 TEXT NOT NULL UNIQUE REFERENCES countries (iso3),
  country_name_en TEXT NOT NULL,
  status TEXT NOT NULL,
  as_of TEXT,
  basis TEXT NOT NULL,
  later_established TEXT,
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  org_acronym TEXT NOT NULL UNIQUE,
  org_name TEXT NOT NULL,
  joined TEXT,
  role TEXT NOT NULL,
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL
) STRICT;

CREATE TABLE organization_members (
  id INTEGER PRIMARY KEY,
  org_acronym TEXT NOT NULL,
  iso3 TEXT NOT NULL REFERENCES countries (iso3),
  role TEXT NOT NULL,
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL,
  UNIQUE (org_acronym, iso3)
) STRICT;

-- direction and bound hold TradeDirectionName and ValueBoundName.
CREATE TABLE trade_flows (
  id INTEGER PRIMARY KEY,
  partner TEXT NOT NULL REFERENCES countries (iso3),
  year INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('total', 'export', 'import')),
  value_usd INTEGER,
  bound TEXT NOT NULL CHECK (bound IN ('exact', 'lower_bound')),
  period TEXT NOT NULL,
  reporter TEXT NOT NULL,
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL,
  UNIQUE (partner, year, direction, period, reporter, source_url)
) STRICT;

-- place names a Place by convention only; the contract does not make it a reference.
CREATE TABLE drug_facts (
  id INTEGER PRIMARY KEY,
  fact_id TEXT NOT NULL UNIQUE,
  topic TEXT NOT NULL,
  statement TEXT NOT NULL,
  year INTEGER,
  quantity REAL,
  unit TEXT NOT NULL,
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL,
  place TEXT NOT NULL
) STRICT;

-- country is NULL for a place with no country.
CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  country TEXT REFERENCES countries (iso3),
  lat REAL,
  lon REAL,
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL
) STRICT;
