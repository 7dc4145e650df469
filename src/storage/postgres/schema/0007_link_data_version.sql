-- PostgreSQL schema version 7: the link data version beside the data version (SQLite's schema 14).
-- Statement-level triggers on the tables of entities, links and merges bump it, by any client, as
-- the triggers of schema 4 bump the data version (which they still do). `ordo serve` rebuilds its
-- entity graph only when this one changes, so a seizures-only import does not rebuild it
-- (docs/postgres.md, "Freshness of `ordo serve`").
ALTER TABLE data_version ADD COLUMN link_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION ordo_bump_link_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET link_version = link_version + 1;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  link_table text;
BEGIN
  FOREACH link_table IN ARRAY ARRAY[
      'entities', 'entity_properties', 'links', 'link_properties', 'entity_merges',
      'entity_merge_members'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION ordo_bump_link_data_version()',
                   link_table || '_bumps_link_data_version', link_table);
  END LOOP;
END;
$$;
