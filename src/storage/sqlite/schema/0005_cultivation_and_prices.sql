-- Schema version 5: cultivation and eradication records (core/cultivation_record.h) and drug
-- prices (core/price_record.h), the NarcoticsRecordStore side of SqliteStore.
--
-- Same conventions as 0003_seizures.sql. Each table is unique on the record's key (KeyOf in
-- core/), so one source gives one figure per key; two sources stay two rows. Price dates are kept
-- as written plus the first and last day they may mean. Currencies are kept as written and never
-- converted; the CHECKs repeat the rules the store checks before it inserts.
CREATE TABLE cultivation_records (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  country TEXT NOT NULL REFERENCES countries (iso3),
  region TEXT NOT NULL,
  crop TEXT NOT NULL CHECK (crop IN ('opium_poppy', 'cannabis', 'coca', 'other')),
  kind TEXT NOT NULL CHECK (kind IN ('cultivated', 'eradicated')),
  hectares REAL NOT NULL CHECK (hectares >= 0),
  source TEXT NOT NULL,
  synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
  note TEXT NOT NULL,
  UNIQUE (year, country, region, crop, kind, source)
) STRICT;
CREATE INDEX cultivation_records_by_country ON cultivation_records (country);

CREATE TABLE drug_prices (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  first_day INTEGER NOT NULL,
  last_day INTEGER NOT NULL,
  country TEXT NOT NULL REFERENCES countries (iso3),
  place TEXT NOT NULL,
  drug TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('farm_gate', 'wholesale', 'retail')),
  price REAL NOT NULL CHECK (price >= 0),
  unit TEXT NOT NULL CHECK (unit IN ('g', 'kg')),
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  purity_percent REAL CHECK (purity_percent BETWEEN 0 AND 100),
  source TEXT NOT NULL,
  synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
  UNIQUE (date, country, place, drug, level, unit, currency, source)
) STRICT;
CREATE INDEX drug_prices_by_country ON drug_prices (country);
CREATE INDEX drug_prices_by_drug ON drug_prices (drug);
