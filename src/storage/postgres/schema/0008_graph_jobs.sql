-- PostgreSQL schema version 8: the HTTP server's graph jobs, as SQLite's version 15
-- (docs/api/README.md, "Graph jobs"). Like the sessions it is no case data (no distribution key; a
-- reference or coordinator table under a distributed engine) and it gets no data-version trigger
-- (schema versions 4 and 7): a job's progress and result must not make every server reload.
CREATE TABLE graph_jobs (
  id text PRIMARY KEY,
  owner text NOT NULL,
  kind text NOT NULL,
  compartments text NOT NULL,
  marking text NOT NULL,
  state text NOT NULL
    CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  progress double precision NOT NULL,
  error text NOT NULL,
  result text NOT NULL,
  value_map text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  finished_at text NOT NULL
);
CREATE INDEX graph_jobs_by_owner ON graph_jobs (owner, created_at);
CREATE INDEX graph_jobs_by_state ON graph_jobs (state, updated_at);
