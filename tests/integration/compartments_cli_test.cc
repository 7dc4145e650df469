// Compartments and markings end to end (docs/compartments.md): made-up case files imported into two
// compartments of a real SQLite file by the real `ordo`; a case that would span two compartments is
// refused with nothing stored; reads narrowed by --compartment see nothing of the other; derived
// outputs carry the highest marking.

#include <gtest/gtest.h>

#include <fstream>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class CompartmentsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    db_ = dir_ + "/ordo.db";
    ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);
    // The same phone number in both compartments; made-up people.
    osh_ = Write("osh.ftm",
                 R"({"id":"osh-p1","schema":"Person","properties":{"name":["Asan Oshbekov"],"phone":["+996555000111"]}})"
                 "\n"
                 R"({"id":"osh-p2","schema":"Person","properties":{"name":["Ulan Oshbekov"]}})"
                 "\n"
                 R"({"id":"osh-f1","schema":"Family","properties":{"person":["osh-p1"],"relative":["osh-p2"]}})"
                 "\n");
    chuy_ = Write("chuy.ftm",
                  R"({"id":"chuy-p1","schema":"Person","properties":{"name":["Bakyt Chuyev"],"phone":["+996555000111"]}})"
                  "\n");
    ASSERT_EQ(Import(osh_, "OSH-1", "osh", "secret").exit_code, 0);
    ASSERT_EQ(Import(chuy_, "CHUY-1", "chuy", "official-use").exit_code, 0);
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  RunResult Import(const std::string& file, const std::string& case_id,
                   const std::string& compartment, const std::string& marking) {
    return RunOrdo({"--db", db_, "import", "ftm", file, "--source", "made-up test case", "--case",
                    case_id, "--compartment", compartment, "--marking", marking, "--synthetic"});
  }

  std::string Query(const std::string& sql) { return RunProgram({"/usr/bin/sqlite3", db_, sql}); }

  std::string dir_;
  std::string db_;
  std::string osh_;
  std::string chuy_;
};

TEST_F(CompartmentsCliTest, RowsKeepTheirCompartmentAndMarkingAndSharedNodesAreNotShared) {
  EXPECT_EQ(Query("SELECT entity_id, compartment, marking FROM entities ORDER BY id"),
            "osh-p1|osh|secret\nosh:phone:+996555000111|osh|secret\nosh-p2|osh|secret\n"
            "chuy-p1|chuy|official-use\nchuy:phone:+996555000111|chuy|official-use\n");
  EXPECT_EQ(Query("SELECT count(*) FROM links l JOIN entities f ON f.id = l.from_entity "
                  "JOIN entities t ON t.id = l.to_entity WHERE f.compartment <> t.compartment "
                  "OR l.compartment <> f.compartment"),
            "0\n");
}

TEST_F(CompartmentsCliTest, ACaseOfAnotherCompartmentIsRefusedAndNothingIsStored) {
  const std::string before = DumpWithoutAudit(db_);
  const std::string more = Write("more.ftm",
                                 R"({"id":"x1","schema":"Person","properties":{"name":["X"]}})"
                                 "\n");

  RunResult refused = Import(more, "OSH-1", "chuy", "unmarked");
  RunResult bad_marking = Import(more, "NEW-1", "chuy", "confidential");
  RunResult bad_name = Import(more, "NEW-1", "Chuy Region", "unmarked");

  EXPECT_EQ(refused.exit_code, 65);
  EXPECT_EQ(refused.err.substr(0, refused.err.find("ordo:")),
            more + ": case 'OSH-1' is in compartment 'osh'; this import writes to 'chuy' "
                   "(--compartment)\n");
  EXPECT_EQ(bad_marking.exit_code, 2) << bad_marking.err;
  EXPECT_NE(bad_marking.err.find("--marking: unknown marking 'confidential'"), std::string::npos);
  EXPECT_EQ(bad_name.exit_code, 2) << bad_name.err;
  EXPECT_NE(bad_name.err.find("--compartment: compartment name 'Chuy Region'"), std::string::npos);
  EXPECT_EQ(DumpWithoutAudit(db_), before);
}

TEST_F(CompartmentsCliTest, ReadsNarrowedToACompartmentSeeNothingOfTheOther) {
  RunResult osh_expand = RunOrdo({"--db", db_, "--format", "csv", "graph", "expand",
                                  "osh-p1", "--hops", "3", "--compartment", "osh"});
  RunResult chuy_find = RunOrdo({"--db", db_, "graph", "--compartment", "chuy", "expand",
                                 "osh-p1"});
  RunResult by_name = RunOrdo({"--db", db_, "graph", "expand", "Asan Oshbekov", "--compartment",
                               "chuy"});
  RunResult every = RunOrdo({"--db", db_, "--format", "csv", "graph", "components"});
  RunResult graphml = RunOrdo({"--db", db_, "export", "graphml", "--compartment", "chuy"});
  RunResult ftm = RunOrdo({"--db", db_, "export", "ftm", "--compartment", "osh"});

  ASSERT_EQ(osh_expand.exit_code, 0) << osh_expand.err;
  EXPECT_NE(osh_expand.out.find("osh-p2"), std::string::npos);
  EXPECT_EQ(osh_expand.out.find("chuy"), std::string::npos) << osh_expand.out;
  EXPECT_NE(osh_expand.err.find("marking: secret"), std::string::npos) << osh_expand.err;
  EXPECT_EQ(chuy_find.exit_code, 3);
  EXPECT_NE(chuy_find.err.find("ordo: no entity 'osh-p1'"), std::string::npos) << chuy_find.err;
  EXPECT_EQ(by_name.exit_code, 3);
  ASSERT_EQ(every.exit_code, 0) << every.err;
  EXPECT_NE(every.err.find("marking: secret"), std::string::npos);
  ASSERT_EQ(graphml.exit_code, 0) << graphml.err;
  EXPECT_NE(graphml.out.find("<!-- marking: official-use -->"), std::string::npos);
  EXPECT_NE(graphml.out.find("chuy-p1"), std::string::npos);
  EXPECT_EQ(graphml.out.find("osh"), std::string::npos);
  EXPECT_NE(graphml.err.find("marking: official-use"), std::string::npos) << graphml.err;
  ASSERT_EQ(ftm.exit_code, 0) << ftm.err;
  EXPECT_NE(ftm.out.find(R"("marking":"secret")"), std::string::npos) << ftm.out;
  EXPECT_EQ(ftm.out.find("chuy"), std::string::npos);
}

// Both compartments hold the phone +996555000111 and look-alike names: no candidate pairs them,
// and a merge across them is refused by the store (exit 65) with nothing written.
TEST_F(CompartmentsCliTest, DedupeAndMergeStayInsideOneCompartment) {
  RunResult phones = RunOrdo({"--db", db_, "--format", "csv", "graph", "dedupe", "--type", "phone",
                              "--min-score", "0"});
  RunResult osh = RunOrdo({"--db", db_, "--format", "csv", "graph", "dedupe", "--min-score", "0",
                           "--compartment", "osh"});
  RunResult chuy = RunOrdo({"--db", db_, "--format", "csv", "graph", "--compartment", "chuy",
                            "dedupe", "--min-score", "0"});
  const std::string before = DumpWithoutAudit(db_);
  RunResult merged = RunOrdo({"--db", db_, "graph", "merge", "osh-p1", "chuy-p1"});

  ASSERT_EQ(phones.exit_code, 0) << phones.err;
  EXPECT_EQ(phones.out, "score,first_id,first_name,second_id,second_name,type,explanation\n");
  ASSERT_EQ(osh.exit_code, 0) << osh.err;
  EXPECT_NE(osh.out.find("osh-p1,Asan Oshbekov,osh-p2"), std::string::npos) << osh.out;
  EXPECT_EQ(osh.out.find("chuy"), std::string::npos) << osh.out;
  ASSERT_EQ(chuy.exit_code, 0) << chuy.err;
  EXPECT_EQ(chuy.out, "score,first_id,first_name,second_id,second_name,type,explanation\n");
  EXPECT_EQ(merged.exit_code, 65);
  EXPECT_NE(merged.err.find("ordo: cannot merge across compartments: entity 'chuy-p1' of "
                            "compartment 'chuy' into 'osh-p1' of compartment 'osh'"),
            std::string::npos)
      << merged.err;
  EXPECT_EQ(DumpWithoutAudit(db_), before);
  EXPECT_EQ(Query("SELECT count(*) FROM entity_merges"), "0\n");
}

TEST_F(CompartmentsCliTest, SeizuresFollowTheirCompartmentAndTheBulletinItsMarking) {
  const std::string header =
      "seizure_id,date,country_iso3,drug,quantity,unit,synthetic,source,case_id\n";
  const std::string osh_rows = Write("osh.csv", header + "S-1,2024-03,KGZ,heroin,2,kg,true,,OSH-1\n");
  const std::string chuy_rows =
      Write("chuy.csv", header + "S-2,2024-04,KGZ,heroin,3,kg,true,,CHUY-1\n");
  const std::string wrong = Write("wrong.csv", header + "S-3,2024-05,KGZ,heroin,1,kg,true,,OSH-1\n");

  RunResult osh = RunOrdo({"--db", db_, "seizures", "import", osh_rows, "--compartment", "osh",
                           "--marking", "secret"});
  RunResult chuy = RunOrdo({"--db", db_, "seizures", "import", chuy_rows, "--compartment", "chuy"});
  const std::string before = DumpWithoutAudit(db_);
  // The case lives in osh (its entities, links and seizures): the store refuses it elsewhere.
  RunResult refused = RunOrdo({"--db", db_, "seizures", "import", wrong, "--compartment", "chuy"});
  RunResult listed = RunOrdo({"--db", db_, "--format", "csv", "seizures", "list", "--compartment",
                              "chuy"});
  RunResult bulletin_all = RunOrdo({"--db", db_, "--format", "csv", "bulletin", "--period", "2024"});
  RunResult bulletin_chuy = RunOrdo({"--db", db_, "--format", "csv", "bulletin", "--period", "2024",
                                     "--compartment", "chuy"});

  ASSERT_EQ(osh.exit_code, 0) << osh.err;
  ASSERT_EQ(chuy.exit_code, 0) << chuy.err;
  EXPECT_EQ(refused.exit_code, 65) << refused.err;
  EXPECT_NE(refused.err.find(":2:1: case_id: case 'OSH-1' is in compartment 'osh'; this import "
                             "writes to 'chuy' (--compartment)"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(DumpWithoutAudit(db_), before);
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("S-2"), std::string::npos);
  EXPECT_EQ(listed.out.find("S-1"), std::string::npos);
  ASSERT_EQ(bulletin_all.exit_code, 0) << bulletin_all.err;
  EXPECT_NE(bulletin_all.out.find("\n2024,true,secret,total,"), std::string::npos)
      << bulletin_all.out;
  EXPECT_NE(bulletin_all.err.find("marking: secret"), std::string::npos);
  ASSERT_EQ(bulletin_chuy.exit_code, 0) << bulletin_chuy.err;
  EXPECT_NE(bulletin_chuy.out.find("\n2024,true,unmarked,total,,,,,1,"), std::string::npos)
      << bulletin_chuy.out;
}

}  // namespace
}  // namespace ordo::testing
