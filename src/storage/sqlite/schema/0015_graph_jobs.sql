-- Schema version 15: the HTTP server's graph jobs (api/graph_jobs.h, GraphJobStore), so that a
-- finished job's result outlives a restart and every server on one database sees it, and a job
-- that was queued or running when its server stopped reads as "interrupted" (docs/api/README.md,
-- "Graph jobs"). `result` and `value_map` hold the JSON documents the API serves, whole. Not data:
-- writing a job leaves the data version and the link data version (schema versions 12 and 14)
-- alone, or every job would make the servers reload.
CREATE TABLE graph_jobs (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  kind TEXT NOT NULL,
  compartments TEXT NOT NULL,
  marking TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  progress REAL NOT NULL,
  error TEXT NOT NULL,
  result TEXT NOT NULL,
  value_map TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT NOT NULL
) STRICT;
CREATE INDEX graph_jobs_by_owner ON graph_jobs (owner, created_at);
CREATE INDEX graph_jobs_by_state ON graph_jobs (state, updated_at);
