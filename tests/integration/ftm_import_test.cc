// `ordo import ftm` end to end: a made-up FollowTheMoney case file into a real SQLite database,
// and a bad one that changes nothing.

#include <gtest/gtest.h>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class FtmImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/ordo.db";
    ASSERT_NO_FATAL_FAILURE(InitDatabase(db_));
  }

  std::string Query(const std::string& sql) { return RunProgram({"/usr/bin/sqlite3", db_, sql}); }

  std::string db_;
};

TEST_F(FtmImportCliTest, ImportsEntitiesLinksAndSharedNodes) {
  const std::string file = ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm";

  RunResult imported = RunOrdo({"--db", db_, "import", "ftm", file, "--source", "made-up test case",
                                "--case", "CASE-7", "--synthetic"});

  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out,
            "imported 5 entities, 2 shared phone, email and identifier nodes and 5 "
            "links from " +
                file + "\n");
  EXPECT_EQ(Query("SELECT group_concat(type || ':' || entity_id, ' ') FROM "
                  "(SELECT type, entity_id FROM entities ORDER BY id)"),
            "person:p1 phone:phone:+996555123456 person:p2 vehicle:v1 "
            "identifier:registration:01KG123ABC address:a1 address:a2\n");
  EXPECT_EQ(Query("SELECT type, directed, start_date, case_id, synthetic FROM links "
                  "WHERE link_id = 't1'"),
            "travel|1|2022-06-01|CASE-7|1\n");
  EXPECT_EQ(Query("SELECT count(*) FROM links WHERE type = 'holds'"), "3\n");
  EXPECT_EQ(Query("SELECT value FROM link_properties JOIN links ON links.id = link "
                  "WHERE link_id = 'f1'"),
            "cousin\n");
}

TEST_F(FtmImportCliTest, ABadFileIsRefusedWithPositionsAndChangesNothing) {
  const std::string file = ORDO_SOURCE_DIR "/tests/integration/ftm/dangling.ftm";
  const std::string before = DumpWithoutAudit(db_);

  RunResult imported =
      RunOrdo({"--db", db_, "import", "ftm", file, "--source", "made-up test case"});
  RunResult no_source = RunOrdo({"--db", db_, "import", "ftm", file});

  EXPECT_EQ(imported.exit_code, 65);
  EXPECT_EQ(imported.err.substr(0, imported.err.find("ordo:")),
            file +
                ":2:1: properties.asset: 'nowhere' is neither an entity of this file nor one "
                "in the database\n" +
                file + ":3:1: id: 'p1' repeats the entity of line 1\n");
  EXPECT_NE(imported.err.find("nothing was imported"), std::string::npos) << imported.err;
  EXPECT_NE(no_source.exit_code, 0);
  EXPECT_NE(no_source.err.find("--source"), std::string::npos) << no_source.err;
  EXPECT_EQ(DumpWithoutAudit(db_), before);
}

// export ftm gives back what import ftm read (docs/cli.md): importing the export into a new
// database and exporting again gives the same bytes, and every entity of the file is in it.
TEST_F(FtmImportCliTest, ExportThenImportIsARoundTrip) {
  const std::string file = ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm";
  ASSERT_EQ(
      RunOrdo({"--db", db_, "import", "ftm", file, "--source", "made-up test case"}).exit_code, 0);
  const std::string dir = MakeTempDir();
  const std::string first = dir + "/first.ftm";
  const std::string second_db = dir + "/second.db";
  ASSERT_EQ(RunOrdo({"--db", second_db, "init"}).exit_code, 0);

  RunResult exported = RunOrdo({"--db", db_, "export", "ftm", "--out", first});
  RunResult reimported =
      RunOrdo({"--db", second_db, "import", "ftm", first, "--source", "made-up test case"});
  RunResult again = RunOrdo({"--db", second_db, "export", "ftm"});

  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, "exported 5 entities and 2 links to " + first +
                              " (5 shared nodes and holds links left out: the properties bring "
                              "them back)\n");
  ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, ReadFile(first));
  for (const char* id : {"\"p1\"", "\"p2\"", "\"v1\"", "\"a1\"", "\"a2\"", "\"t1\"", "\"f1\""}) {
    EXPECT_NE(again.out.find(std::string("{\"id\":") + id), std::string::npos) << id;
  }
  EXPECT_NE(again.out.find("\"relationship\":[\"cousin\"]"), std::string::npos);
}

// The graph commands on the imported case: the two persons connect directly (family) and through
// the phone they share; the trip and the vehicle form groups of their own.
TEST_F(FtmImportCliTest, GraphCommandsReadTheImportedCase) {
  const std::string file = ORDO_SOURCE_DIR "/tests/integration/ftm/case.ftm";
  ASSERT_EQ(
      RunOrdo({"--db", db_, "import", "ftm", file, "--source", "made-up test case"}).exit_code, 0);

  RunResult expand = RunOrdo({"--db", db_, "--format", "csv", "graph", "expand", "p1"});
  RunResult family_only = RunOrdo({"--db", db_, "--format", "csv", "graph", "path", "Asan Sadyrov",
                                   "p2", "--link-type", "holds"});
  RunResult components = RunOrdo({"--db", db_, "--format", "csv", "graph", "components"});
  RunResult central = RunOrdo({"--db", db_, "--format", "csv", "graph", "central", "--top", "1"});
  RunResult nobody = RunOrdo({"--db", db_, "graph", "path", "p1", "a1"});

  ASSERT_EQ(expand.exit_code, 0) << expand.err;
  EXPECT_EQ(expand.out,
            "# entities\n"
            "entity_id,name,type,hops,more_links,merged_ids\n"
            "p1,Asan Sadyrov,person,0,0,\n"
            // A leading '+' is neutralised so that a spreadsheet does not evaluate the cell.
            "phone:+996555123456,'+996 (555) 12-34-56,phone,1,0,\n"
            "p2,Бакыт Осмонов,person,1,0,\n"
            "\n"
            "# links\n"
            "link_id,type,from,to\n"
            "p1~holds~phone:+996555123456,holds,p1,phone:+996555123456\n"
            "f1,family,p1,p2\n");
  ASSERT_EQ(family_only.exit_code, 0) << family_only.err;
  EXPECT_EQ(family_only.out,
            "path,step,entity_id,name,type,via_link,link_type\n"
            "1,0,p1,Asan Sadyrov,person,,\n"
            "1,1,phone:+996555123456,'+996 (555) 12-34-56,phone,p1~holds~phone:+996555123456,"
            "holds\n"
            "1,2,p2,Бакыт Осмонов,person,p2~holds~phone:+996555123456,holds\n");
  EXPECT_EQ(components.out,
            "component,entities,first_entity_id,first_name\n"
            "1,3,p1,Asan Sadyrov\n"
            "2,2,v1,Truck\n"
            "3,2,a1,Osh\n");
  EXPECT_EQ(central.out, "entity_id,name,type,degree\np1,Asan Sadyrov,person,2\n");
  EXPECT_EQ(nobody.exit_code, 3);
  EXPECT_NE(nobody.err.find("no path from 'p1' to 'a1'"), std::string::npos) << nobody.err;
}

}  // namespace
}  // namespace ordo::testing
