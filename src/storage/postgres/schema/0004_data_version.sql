-- PostgreSQL schema version 4: a data version that changes with every committed write to the data
-- a server answers from, so `ordo serve --db postgresql://...` notices a write made by another
-- process (an import, a merge) as it notices a change of the SQLite file (docs/postgres.md,
-- "Freshness"). Statement-level triggers bump one counter row; the writers already serialise on
-- the store's write lock, so the row is no new point of contention. Accounts and the audit log are
-- left out: the server reads accounts on each request, and its own audit appends must not make it
-- reload. A table added later to the data gets the same trigger in its migration.
CREATE TABLE data_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO data_version (only_row, version) VALUES (true, 1);

CREATE FUNCTION ordo_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  data_table text;
BEGIN
  FOREACH data_table IN ARRAY ARRAY[
      'countries', 'country_aliases', 'country_neighbours', 'relations', 'missing_relations',
      'memberships', 'organization_members', 'trade_bloc_members', 'trade_flows', 'drug_facts',
      'places', 'seizures', 'cultivation_records', 'drug_prices', 'entities', 'entity_properties',
      'links', 'link_properties', 'entity_merges', 'entity_merge_members'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION ordo_bump_data_version()',
                   data_table || '_bumps_data_version', data_table);
  END LOOP;
END;
$$;
