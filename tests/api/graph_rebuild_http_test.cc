// A seizures-only import does not rebuild the entity graph of a running `ordo serve` on SQLite
// (graph_rebuild_scenario.h); the PostgreSQL run of the same scenario is in postgres_api_test.cc.

#include <gtest/gtest.h>

#include <string>

#include "graph_rebuild_scenario.h"

namespace ordo::testing {
namespace {

void FillRebuildCase(const std::string& db) {
  const RunResult imported =
      RunOrdo({"--db", db, "import", "ftm", ORDO_SOURCE_DIR "/tests/integration/ftm/names.ftm",
               "--source", "made-up test case", "--synthetic"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
}

TEST(GraphRebuildHttpTest, ASeizuresOnlyImportKeepsTheGraphAndAnEntityImportRebuildsIt) {
  OrdoServer server({}, FillRebuildCase);
  ASSERT_NE(server.port(), 0);

  ExpectASeizuresOnlyImportKeepsTheGraph(server, server.db_path(), server.dir());
}

}  // namespace
}  // namespace ordo::testing
