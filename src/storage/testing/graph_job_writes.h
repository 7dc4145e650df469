#pragma once
// WriteGraphJobs: every kind of graph job write on one store (add, update, finish, interrupt,
// forget), for the backends' data-version tests: none of them may move the data version or the
// link data version.

#include <gtest/gtest.h>

#include <string>

#include "storage/graph_job_store.h"

namespace ordo::storage::testing {

inline void WriteGraphJobs(GraphJobStore& store, const std::string& id) {
  StoredGraphJob job;
  job.id = id;
  job.owner = "tester";
  job.kind = "pagerank";
  job.compartments = "*";
  job.marking = "unmarked";
  job.state = "queued";
  job.created_at = "2026-12-01T18:06:00.000Z";
  job.updated_at = job.created_at;
  ASSERT_TRUE(store.AddGraphJob(job).has_value());
  job.state = "running";
  ASSERT_TRUE(store.UpdateGraphJob(job).value());
  job.state = "done";
  job.result = "{}";
  job.values = "{}";
  job.finished_at = "2026-12-01T18:07:00.000Z";
  ASSERT_TRUE(store.UpdateGraphJob(job).value());
  ASSERT_TRUE(store.InterruptGraphJobs("2026-12-02", "2026-12-02", "stopped").has_value());
  ASSERT_TRUE(store.ForgetGraphJobs("2026-12-01T18:06:30.000Z", 1).has_value());
}

}  // namespace ordo::storage::testing
