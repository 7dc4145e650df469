// `ordo import graphml|links` and `ordo export graphml|gexf` end to end against a real SQLite
// database: a made-up case in through FtM and CSV links, out as GraphML read by igraph's own
// GraphML reader (a third-party reader), a round trip through GraphML into a second database,
// and exports that fail without leaving a file behind.

#include <gtest/gtest.h>
#include <igraph.h>

#include <cstdio>
#include <filesystem>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class InterchangeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/ordo.db";
    ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);
    RunResult ftm = RunOrdo({"--db", db_, "import", "ftm",
                             ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm", "--source",
                             "made-up test case", "--case", "CASE-7"});
    ASSERT_EQ(ftm.exit_code, 0) << ftm.err;
    RunResult links = RunOrdo({"--db", db_, "import", "links",
                               ORDO_SOURCE_DIR "/tests/interchange/calls.csv", "--mapping",
                               ORDO_SOURCE_DIR "/tests/interchange/calls.mapping.json",
                               "--source", "made-up call records", "--synthetic"});
    ASSERT_EQ(links.exit_code, 0) << links.err;
    EXPECT_EQ(links.out, "imported 3 links and 3 new entities from " ORDO_SOURCE_DIR
                         "/tests/interchange/calls.csv\n");
  }

  std::string Count(const std::string& table) {
    return RunProgram({"/usr/bin/sqlite3", db_, "SELECT count(*) FROM " + table});
  }

  std::string dir_;
  std::string db_;
};

TEST_F(InterchangeCliTest, IgraphReadsTheGraphmlExportWithItsAttributes) {
  const std::string path = dir_ + "/case.graphml";
  RunResult exported = RunOrdo({"--db", db_, "export", "graphml", "--out", path});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const int entities = std::stoi(Count("entities"));
  const int links = std::stoi(Count("links"));
  EXPECT_EQ(exported.out, "exported " + std::to_string(entities) + " entities and " +
                              std::to_string(links) + " links to " + path + "\n");

  igraph_set_attribute_table(&igraph_cattribute_table);
  igraph_t graph;
  FILE* file = std::fopen(path.c_str(), "r");
  ASSERT_NE(file, nullptr);
  const igraph_error_t read = igraph_read_graph_graphml(&graph, file, 0);
  std::fclose(file);
  ASSERT_EQ(read, IGRAPH_SUCCESS);
  EXPECT_EQ(igraph_vcount(&graph), entities);
  EXPECT_EQ(igraph_ecount(&graph), links);
  EXPECT_TRUE(igraph_is_directed(&graph));
  // The vertex whose GraphML id is p2, its type and name as Ordo wrote them.
  bool found = false;
  for (igraph_integer_t v = 0; v < igraph_vcount(&graph); ++v) {
    if (std::string(VAS(&graph, "id", v)) != "p2") continue;
    found = true;
    EXPECT_STREQ(VAS(&graph, "type", v), "person");
    EXPECT_STREQ(VAS(&graph, "name", v), "Бакыт Осмонов");
    EXPECT_STREQ(VAS(&graph, "case", v), "CASE-7");
  }
  EXPECT_TRUE(found);
  igraph_destroy(&graph);
}

TEST_F(InterchangeCliTest, GraphmlExportImportedIntoAnotherDatabaseGivesItBack) {
  const std::string first = dir_ + "/first.graphml";
  ASSERT_EQ(RunOrdo({"--db", db_, "export", "graphml", "--out", first}).exit_code, 0);
  const std::string second_db = dir_ + "/second.db";
  ASSERT_EQ(RunOrdo({"--db", second_db, "init"}).exit_code, 0);
  RunResult imported =
      RunOrdo({"--db", second_db, "import", "graphml", first, "--source", "ignored: the file's own"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  RunResult again = RunOrdo({"--db", second_db, "export", "graphml"});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, ReadFile(first));
  // The FtM export of the second database is the first's too.
  EXPECT_EQ(RunOrdo({"--db", second_db, "export", "ftm"}).out,
            RunOrdo({"--db", db_, "export", "ftm"}).out);
}

TEST_F(InterchangeCliTest, AnExportThatCannotBeWrittenFailsAndLeavesNoFile) {
  for (const char* format : {"graphml", "gexf"}) {
    const std::string path = dir_ + "/no-such-dir/case." + format;
    RunResult failed = RunOrdo({"--db", db_, "export", format, "--out", path});
    EXPECT_NE(failed.exit_code, 0) << format;
    EXPECT_FALSE(std::filesystem::exists(path)) << format;
    // /dev/full: every write fails, as on a full disk.
    RunResult full = RunOrdo({"--db", db_, "export", format, "--out", "/dev/full"});
    EXPECT_NE(full.exit_code, 0) << format;
  }
}

TEST_F(InterchangeCliTest, ABadGraphmlFileChangesNothing) {
  const std::string before = DumpWithoutAudit(db_);
  RunResult bad = RunOrdo({"--db", db_, "import", "graphml",
                           ORDO_SOURCE_DIR
                           "/tests/bad-input/graphml__dangling_ends_bad_values_and_a_self_loop.graphml",
                           "--source", "made up"});
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_EQ(DumpWithoutAudit(db_), before);
  RunResult no_mapping = RunOrdo({"--db", db_, "import", "links",
                                  ORDO_SOURCE_DIR "/tests/interchange/calls.csv", "--source", "x"});
  EXPECT_NE(no_mapping.exit_code, 0);
  EXPECT_NE(no_mapping.err.find("--mapping"), std::string::npos) << no_mapping.err;
}

}  // namespace
}  // namespace ordo::testing
