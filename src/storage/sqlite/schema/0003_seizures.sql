-- Schema version 3: drug seizure records (core/seizure.h, SeizureStore).
--
-- Same conventions as 0001_init.sql. Dates are kept as written plus the first and last day they
-- may mean (days since 1970-01-01), so that range filters are plain integer comparisons. Drug and
-- unit hold the canonical names of core/drug.h. Transit countries are a child table so that every
-- code is a foreign key.
CREATE TABLE seizures (
  id INTEGER PRIMARY KEY,
  seizure_id TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  first_day INTEGER NOT NULL,
  last_day INTEGER NOT NULL,
  place TEXT NOT NULL,
  lat REAL,
  lon REAL,
  admin_region TEXT NOT NULL,
  country TEXT NOT NULL REFERENCES countries (iso3),
  drug TEXT NOT NULL,
  quantity REAL NOT NULL,
  unit TEXT NOT NULL,
  quantity_kg REAL,
  conversion_note TEXT NOT NULL,
  conveyance TEXT NOT NULL,
  concealment TEXT NOT NULL,
  origin TEXT REFERENCES countries (iso3),
  departure TEXT REFERENCES countries (iso3),
  destination TEXT REFERENCES countries (iso3),
  agency TEXT NOT NULL,
  case_id TEXT NOT NULL,
  synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
  source TEXT NOT NULL
) STRICT;
CREATE INDEX seizures_by_day ON seizures (first_day);
CREATE INDEX seizures_by_drug ON seizures (drug);
CREATE INDEX seizures_by_country ON seizures (country);

-- Seizure::transit in route order.
CREATE TABLE seizure_transit (
  seizure INTEGER NOT NULL REFERENCES seizures (id),
  position INTEGER NOT NULL,
  iso3 TEXT NOT NULL REFERENCES countries (iso3),
  PRIMARY KEY (seizure, position)
) STRICT;
