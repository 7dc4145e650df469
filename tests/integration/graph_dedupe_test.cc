// `ordo graph dedupe|merge|unmerge|merges` end to end on a real SQLite database: a made-up case
// file where one man is written in Kyrgyz Cyrillic and in Latin with his phone written two ways.

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

class GraphDedupeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/ordo.db";
    ASSERT_EQ(RunOrdo({"--db", db_, "init"}).exit_code, 0);
    const RunResult imported =
        RunOrdo({"--db", db_, "import", "ftm", ORDO_SOURCE_DIR "/tests/integration/ftm/names.ftm",
                 "--source", "made-up test case", "--synthetic"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }

  RunResult Ordo(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    return RunOrdo(args);
  }

  // The entities and links as stored: a merge must not touch them.
  std::string Graph() {
    return RunProgram({"/usr/bin/sqlite3", db_,
                       "SELECT * FROM entities; SELECT * FROM entity_properties; "
                       "SELECT * FROM links; SELECT * FROM link_properties;"});
  }
  std::string Merges() {
    return RunProgram({"/usr/bin/sqlite3", db_,
                       "SELECT id, kept, note, undone_at <> '' FROM entity_merges; "
                       "SELECT * FROM entity_merge_members;"});
  }

  std::string db_;
};

TEST_F(GraphDedupeCliTest, FindsTheManAcrossScriptsWithScoreAndExplanation) {
  const RunResult people =
      Ordo({"--format", "csv", "graph", "dedupe", "--type", "person", "--min-score", "0.5"});
  const RunResult phones = Ordo({"--format", "csv", "graph", "dedupe", "--type", "phone"});

  ASSERT_EQ(people.exit_code, 0) << people.err;
  EXPECT_EQ(people.out,
            "score,first_id,first_name,second_id,second_name,type,explanation\n"
            "1,p1,Садыров Өмүрбек Асанович,p2,Omurbek Sadyrov,person,"
            "surname Садыров ~ Sadyrov via ru-Latin (same after romanisation); given name "
            "Өмүрбек ~ Omurbek via ky-Latin (same after romanisation); patronymic Асанович on "
            "one side only (not counted); same phone 0555 12-34-56 = +996 555 123 456\n"
            "0.9,p1,Садыров Өмүрбек Асанович,p4,Бакыт Осмонов,person,"
            "names: no name in common; same passport AC1234567 = АС 1234567\n");
  ASSERT_EQ(phones.exit_code, 0) << phones.err;
  EXPECT_EQ(phones.out,
            "score,first_id,first_name,second_id,second_name,type,explanation\n"
            // CSV output quotes a leading '+' so that spreadsheets do not read a formula.
            "1,phone:0555123456,0555 12-34-56,phone:+996555123456,'+996 555 123 456,phone,"
            "same number 0555 12-34-56 = +996 555 123 456\n");
}

TEST_F(GraphDedupeCliTest, TheSwitchTurnsCrossScriptMatchingOff) {
  const RunResult off = Ordo({"--format", "json", "graph", "dedupe", "--type", "person",
                              "--no-cross-script", "--min-score", "0.5"});

  ASSERT_EQ(off.exit_code, 0) << off.err;
  // p1/p2 now rest on their phone alone (0.6); p1/p4 on the passport (0.9).
  EXPECT_NE(off.out.find("\"score\": 0.6"), std::string::npos) << off.out;
  EXPECT_NE(off.out.find("Cyrillic against Latin: cross-script matching is off"),
            std::string::npos)
      << off.out;
  EXPECT_EQ(off.out.find("via ky-Latin"), std::string::npos) << off.out;
}

TEST_F(GraphDedupeCliTest, BadFlagsAreRefused) {
  const RunResult type = Ordo({"graph", "dedupe", "--type", "ship"});
  const RunResult score = Ordo({"graph", "dedupe", "--min-score", "2"});

  EXPECT_EQ(type.exit_code, 2);
  EXPECT_NE(type.err.find("--type: unknown entity type 'ship'"), std::string::npos) << type.err;
  EXPECT_EQ(score.exit_code, 2);
  EXPECT_NE(score.err.find("--min-score: 2 is outside 0..1"), std::string::npos) << score.err;
}

TEST_F(GraphDedupeCliTest, MergeShowsTheUnionAndUnmergeRestoresTheExactGraph) {
  const std::string graph_before = Graph();
  const RunResult expand_p1_before = Ordo({"--format", "csv", "graph", "expand", "p1"});
  const RunResult expand_p2_before = Ordo({"--format", "csv", "graph", "expand", "p2"});
  const RunResult components_before = Ordo({"--format", "csv", "graph", "components"});
  ASSERT_EQ(expand_p1_before.exit_code, 0) << expand_p1_before.err;

  const RunResult merged =
      Ordo({"--format", "json", "graph", "merge", "p1", "p2", "--note", "same phone, same name",
            "--by", "analyst1"});
  const RunResult expand_merged = Ordo({"--format", "csv", "graph", "expand", "p2"});

  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.out.find("\"merge_id\": 1,"), std::string::npos) << merged.out;
  EXPECT_NE(merged.out.find("\"merged\": \"p2\","), std::string::npos) << merged.out;
  EXPECT_NE(merged.out.find("\"merged_by\": \"analyst1\","), std::string::npos) << merged.out;
  EXPECT_NE(merged.out.find("\"status\": \"in force\","), std::string::npos) << merged.out;
  EXPECT_EQ(Graph(), graph_before);  // nothing stored was changed
  ASSERT_EQ(expand_merged.exit_code, 0) << expand_merged.err;
  // p2 is read as p1: its company (through p1), its associate p3 and both phone nodes.
  for (const std::string id : {"p1,", "o1,", "p3,", "phone:0555123456,", "phone:+996555123456,",
                                "passport:AC1234567,"}) {
    EXPECT_NE(expand_merged.out.find("\n" + id), std::string::npos) << id << expand_merged.out;
  }
  EXPECT_EQ(expand_merged.out.find("\np2,"), std::string::npos) << expand_merged.out;
  // The kept entity lists what was merged into it (its provenance); the others list nothing.
  EXPECT_NE(expand_merged.out.find("\np1,Садыров Өмүрбек Асанович,person,0,0,p2\n"),
            std::string::npos)
      << expand_merged.out;
  EXPECT_NE(expand_p1_before.out.find("\np1,Садыров Өмүрбек Асанович,person,0,0,\n"),
            std::string::npos)
      << expand_p1_before.out;
  EXPECT_EQ(Ordo({"--format", "csv", "graph", "expand", "p1"}).out, expand_merged.out);

  const RunResult unmerged =
      Ordo({"--format", "json", "graph", "unmerge", "1", "--by", "analyst2"});

  ASSERT_EQ(unmerged.exit_code, 0) << unmerged.err;
  EXPECT_NE(unmerged.out.find("\"undone_by\": \"analyst2\","), std::string::npos) << unmerged.out;
  EXPECT_EQ(Graph(), graph_before);
  EXPECT_EQ(Ordo({"--format", "csv", "graph", "expand", "p1"}).out, expand_p1_before.out);
  EXPECT_EQ(Ordo({"--format", "csv", "graph", "expand", "p2"}).out, expand_p2_before.out);
  EXPECT_EQ(Ordo({"--format", "csv", "graph", "components"}).out, components_before.out);
  const RunResult listed = Ordo({"--format", "csv", "graph", "merges"});
  EXPECT_NE(listed.out.find("1,p1,p2,\"same phone, same name\",analyst1,"), std::string::npos)
      << listed.out;
  EXPECT_NE(listed.out.find(",undone,analyst2,"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find(",analyst2,"), std::string::npos) << listed.out;
}

TEST_F(GraphDedupeCliTest, RefusedMergesAndUndosAreClearErrorsAndChangeNothing) {
  ASSERT_EQ(Ordo({"graph", "merge", "p1", "p2"}).exit_code, 0);
  const std::string graph_before = Graph();
  const std::string merges_before = Merges();

  const RunResult missing = Ordo({"graph", "merge", "p1", "p3", "nobody"});
  const RunResult twice = Ordo({"graph", "merge", "p3", "p2"});
  const RunResult type = Ordo({"graph", "merge", "p3", "o1"});
  const RunResult alone = Ordo({"graph", "merge", "p3"});
  const RunResult no_merge = Ordo({"graph", "unmerge", "7"});

  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(missing.err, "ordo: no entity 'nobody'\n");
  EXPECT_EQ(twice.exit_code, 5);
  EXPECT_EQ(twice.err, "ordo: entity 'p2' is already merged into 'p1' (merge 1)\n");
  EXPECT_EQ(type.exit_code, 2);
  EXPECT_EQ(type.err, "ordo: cannot merge organization 'o1' into person 'p3'\n");
  EXPECT_NE(alone.exit_code, 0);
  EXPECT_EQ(no_merge.exit_code, 3);
  EXPECT_EQ(no_merge.err, "ordo: no merge 7\n");
  EXPECT_EQ(Graph(), graph_before);
  EXPECT_EQ(Merges(), merges_before);

  ASSERT_EQ(Ordo({"graph", "unmerge", "1"}).exit_code, 0);
  const RunResult again = Ordo({"graph", "unmerge", "1"});
  EXPECT_EQ(again.exit_code, 5);
  EXPECT_NE(again.err.find("merge 1 was already undone at "), std::string::npos) << again.err;
}

// `ordo simulate --cases` names its people "Organiser 1.1.1", "Courier 1.2.3": placeholders that
// differ only in their numbers, so different people. Before numbers counted in names they were the
// first candidates, with score 1.
TEST(GraphDedupeSimulatedTest, NumberedPlaceholdersAreNotCandidates) {
  const std::string db = MakeTempDir() + "/simulated-dedupe.db";
  ASSERT_EQ(RunOrdo({"--db", db, "init"}).exit_code, 0);
  const RunResult simulated =
      RunOrdo({"--db", db, "simulate", "--cases", "20", "--seed", "1"});
  ASSERT_EQ(simulated.exit_code, 0) << simulated.err;

  const RunResult candidates =
      RunOrdo({"--db", db, "--format", "csv", "graph", "dedupe", "--limit", "0"});
  const RunResult top = RunOrdo({"--db", db, "--format", "csv", "graph", "dedupe", "--type",
                                 "person", "--min-score", "0", "--limit", "20"});

  // first_name and second_name of each CSV row (simulated names hold no comma).
  auto rows = [](const std::string& csv) {
    std::vector<std::vector<std::string>> parsed;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
      std::vector<std::string> fields;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) fields.push_back(cell);
      parsed.push_back(std::move(fields));
    }
    return parsed;
  };
  auto without_digits = [](std::string text) {
    text.erase(std::remove_if(text.begin(), text.end(),
                              [](char c) { return c >= '0' && c <= '9'; }),
               text.end());
    return text;
  };
  auto numbers_only = [&](const std::vector<std::string>& row) {
    return row.size() > 6 && row[2] != row[4] && without_digits(row[2]) == without_digits(row[4]);
  };
  ASSERT_EQ(candidates.exit_code, 0) << candidates.err;
  for (const std::vector<std::string>& row : rows(candidates.out)) {
    EXPECT_FALSE(numbers_only(row)) << row[2] << " / " << row[4] << ": " << row[0];
  }
  ASSERT_EQ(top.exit_code, 0) << top.err;
  const auto best = rows(top.out);
  ASSERT_EQ(best.size(), 20u) << top.out;
  std::size_t numbered = 0;
  for (const std::vector<std::string>& row : best) {
    ASSERT_GT(row.size(), 6u) << top.out;
    if (!numbers_only(row)) continue;
    ++numbered;
    EXPECT_LE(std::stod(row[0]), 0.3) << row[2] << " / " << row[4];
    EXPECT_NE(row[6].find("numbers differ: "), std::string::npos) << row[6];
  }
  EXPECT_GT(numbered, 0u) << top.out;  // they are still scored, and say why they are low
}

}  // namespace
}  // namespace ordo::testing
