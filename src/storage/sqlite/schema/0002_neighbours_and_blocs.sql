-- Schema version 2: Country::land_neighbours and the trade blocs of the "multi-vector" balance.
--
-- Same conventions as 0001_init.sql. A version-1 database gains both tables empty; its rows are
-- untouched. The writer inserts a batch's neighbours only after all its countries, so a neighbour
-- may be a country that comes later in the batch.

-- Country::land_neighbours, in their written order. country_id always names the row just written,
-- so a FOREIGN KEY failure here is always an unknown neighbour code.
CREATE TABLE country_neighbours (
  id INTEGER PRIMARY KEY,
  country_id INTEGER NOT NULL REFERENCES countries (id),
  neighbour TEXT NOT NULL REFERENCES countries (iso3),
  UNIQUE (country_id, neighbour)
) STRICT;
CREATE INDEX country_neighbours_by_country ON country_neighbours (country_id);

CREATE TABLE trade_bloc_members (
  id INTEGER PRIMARY KEY,
  bloc_id TEXT NOT NULL,
  bloc_name TEXT NOT NULL,
  iso3 TEXT NOT NULL REFERENCES countries (iso3),
  source_url TEXT NOT NULL,
  notes TEXT NOT NULL,
  UNIQUE (bloc_id, iso3)
) STRICT;
