#pragma once
// Writes and reads the server's graph jobs (the graph_jobs table) for the GraphJobStore side of
// both SQL stores. Single statements, no data-version bump: jobs are not case data. Shared by the
// SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/graph_job_store.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

// The columns every read names, in this order; `result` and `value_map` are left out of lists.
inline constexpr char kGraphJobColumns[] =
    "id, owner, kind, compartments, marking, state, progress, error, created_at, updated_at, "
    "finished_at";

template <typename Statement>
StoredGraphJob GraphJobRow(const Statement& row) {
  StoredGraphJob job;
  job.id = row.ColumnText(0);
  job.owner = row.ColumnText(1);
  job.kind = row.ColumnText(2);
  job.compartments = row.ColumnText(3);
  job.marking = row.ColumnText(4);
  job.state = row.ColumnText(5);
  job.progress = row.ColumnDouble(6);
  job.error = row.ColumnText(7);
  job.created_at = row.ColumnText(8);
  job.updated_at = row.ColumnText(9);
  job.finished_at = row.ColumnText(10);
  return job;
}

// The contract's refusal (a bad id or state, a repeated id) comes back with `*refused` set, so
// that the caller passes it on as it is; the database's own errors without.
template <typename Connection>
Status InsertGraphJob(Connection& connection, const StoredGraphJob& job, bool* refused) {
  *refused = true;
  ORDO_RETURN_IF_ERROR(CheckGraphJob(job));
  *refused = false;
  ORDO_TRY(insert, connection.Prepare(
                       "INSERT INTO graph_jobs (id, owner, kind, compartments, marking, state, "
                       "progress, error, result, value_map, created_at, updated_at, finished_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert.BindText(job.id);
  insert.BindText(job.owner);
  insert.BindText(job.kind);
  insert.BindText(job.compartments);
  insert.BindText(job.marking);
  insert.BindText(job.state);
  insert.BindDouble(job.progress);
  insert.BindText(job.error);
  insert.BindText(job.result);
  insert.BindText(job.values);
  insert.BindText(job.created_at);
  insert.BindText(job.updated_at);
  insert.BindText(job.finished_at);
  ORDO_TRY(outcome, insert.Insert());
  *refused = outcome == InsertOutcome::kUniqueViolation;
  if (*refused) return AlreadyExists("graph job '" + job.id + "' already exists");
  if (outcome != InsertOutcome::kInserted) return Internal("graph job could not be stored");
  return OkStatus();
}

// One statement: a job finished meanwhile (by another server's cancel, or a sweep) stays as it is.
template <typename Connection>
Result<bool> ReplacePendingGraphJob(Connection& connection, const StoredGraphJob& job) {
  ORDO_TRY(update, connection.Prepare(
                       "UPDATE graph_jobs SET state = ?, progress = ?, error = ?, result = ?, "
                       "value_map = ?, updated_at = ?, finished_at = ? WHERE id = ? AND state IN "
                       "('queued', 'running') RETURNING 1"));
  update.BindText(job.state);
  update.BindDouble(job.progress);
  update.BindText(job.error);
  update.BindText(job.result);
  update.BindText(job.values);
  update.BindText(job.updated_at);
  update.BindText(job.finished_at);
  update.BindText(job.id);
  ORDO_TRY(changed, update.Step());
  if (!changed) return false;
  // Read the statement to its end (SQLite finishes an UPDATE ... RETURNING on the last step).
  ORDO_TRY(more, update.Step());
  if (more) return Internal("graph job '" + job.id + "' is stored twice");
  return true;
}

template <typename Connection>
Result<std::optional<StoredGraphJob>> SelectGraphJob(Connection& connection, const std::string& id,
                                                     bool with_values) {
  ORDO_TRY(select, connection.Prepare(std::string("SELECT ") + kGraphJobColumns + ", result, " +
                                      (with_values ? "value_map" : "''") +
                                      " FROM graph_jobs WHERE id = ?"));
  select.BindText(id);
  ORDO_TRY(has_row, select.Step());
  if (!has_row) return std::optional<StoredGraphJob>();
  StoredGraphJob job = GraphJobRow(select);
  job.result = select.ColumnText(11);
  job.values = select.ColumnText(12);
  return std::optional<StoredGraphJob>(std::move(job));
}

template <typename Connection>
Result<std::vector<StoredGraphJob>> SelectGraphJobs(Connection& connection,
                                                    const std::string& owner) {
  ORDO_TRY(select, connection.Prepare(std::string("SELECT ") + kGraphJobColumns +
                                      " FROM graph_jobs WHERE owner = ? "
                                      "ORDER BY created_at DESC, id DESC"));
  select.BindText(owner);
  std::vector<StoredGraphJob> jobs;
  while (true) {
    ORDO_TRY(has_row, select.Step());
    if (!has_row) return jobs;
    jobs.push_back(GraphJobRow(select));
  }
}

// Counts the rows a DELETE or UPDATE ... RETURNING 1 gives.
template <typename Statement>
Result<std::size_t> CountReturned(Statement& statement) {
  std::size_t count = 0;
  while (true) {
    ORDO_TRY(has_row, statement.Step());
    if (!has_row) return count;
    ++count;
  }
}

template <typename Connection>
Result<std::size_t> InterruptStaleGraphJobs(Connection& connection,
                                            const std::string& updated_before,
                                            const std::string& now, const std::string& error) {
  ORDO_TRY(update, connection.Prepare(
                       "UPDATE graph_jobs SET state = 'interrupted', error = ?, updated_at = ?, "
                       "finished_at = ? WHERE state IN ('queued', 'running') AND updated_at < ? "
                       "RETURNING 1"));
  update.BindText(error);
  update.BindText(now);
  update.BindText(now);
  update.BindText(updated_before);
  return CountReturned(update);
}

template <typename Connection>
Result<std::size_t> DeleteOldGraphJobs(Connection& connection, const std::string& finished_before,
                                       std::size_t keep_per_owner) {
  ORDO_TRY(remove,
           connection.Prepare(
               "DELETE FROM graph_jobs WHERE state NOT IN ('queued', 'running') AND "
               "(finished_at < ? OR id IN (SELECT id FROM (SELECT id, row_number() OVER "
               "(PARTITION BY owner ORDER BY finished_at DESC, id DESC) AS place FROM graph_jobs "
               "WHERE state NOT IN ('queued', 'running')) AS ranked WHERE place > ?)) "
               "RETURNING 1"));
  remove.BindText(finished_before);
  remove.BindInt(static_cast<std::int64_t>(keep_per_owner));
  return CountReturned(remove);
}

}  // namespace ordo::storage::sql
