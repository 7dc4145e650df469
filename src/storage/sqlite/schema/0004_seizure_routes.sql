-- Schema version 4: the reported route of a seizure (Seizure::route), place names in travel order
-- joined by ';' (a name never contains ';'); '' when not reported.
ALTER TABLE seizures ADD COLUMN route TEXT NOT NULL DEFAULT '';
