// The bad-input corpus: every file under tests/bad-input/ is imported into a copy of a seeded
// database and must be rejected with exit status 65, print exactly the problems listed in its
// .expected file (one "file:line:column: message" per line, the path written as FILE), and leave
// the database's content as it was (compared with `sqlite3 .dump`).
//
// File names say what to import: <kind>__<case>.csv, kind = relations|memberships|trade|facts|places
// (`ordo import KIND FILE`), seizures (`ordo seizures import FILE`) or unodc (`ordo seizures import
// --format unodc FILE --source ...`; made-up UNODC-style files, not real data).
// Files of kind cultivation or prices go to `ordo narcotics import KIND FILE`; their rows are
// made-up test fixtures, not real figures.

#include <gtest/gtest.h>

#include <filesystem>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;

std::string SeededDatabase() {
  static const std::string* path = [] {
    auto* db = new std::string(MakeTempDir() + "/seeded.db");
    RunResult init = RunOrdo({"--db", *db, "init"});
    EXPECT_EQ(init.exit_code, 0) << init.err;
    return db;
  }();
  return *path;
}

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(ORDO_SOURCE_DIR "/tests/bad-input")) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class BadInputTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInputTest, IsRejectedWithItsExpectedProblemsAndChangesNothing) {
  const std::string name = GetParam();
  const std::string kind = name.substr(0, name.find("__"));
  const std::string file = ORDO_SOURCE_DIR "/tests/bad-input/" + name;
  const std::string expected_path = file.substr(0, file.size() - 4) + ".expected";
  ASSERT_TRUE(fs::exists(expected_path)) << "every corpus file needs a .expected file";
  const std::string db = MakeTempDir() + "/copy.db";
  fs::copy_file(SeededDatabase(), db);
  const std::string before = RunProgram({"/usr/bin/sqlite3", db, ".dump"});

  const bool narcotics = kind == "cultivation" || kind == "prices";
  RunResult result =
      narcotics            ? RunOrdo({"--db", db, "narcotics", "import", kind, file})
      : kind == "seizures" ? RunOrdo({"--db", db, "seizures", "import", file})
      : kind == "unodc"  ? RunOrdo({"--db", db, "seizures", "import", "--format", "unodc", file,
                                    "--source", "bad-input corpus (made up)"})
                         : RunOrdo({"--db", db, "import", kind, file});

  EXPECT_EQ(result.exit_code, 65) << result.err;
  const std::string expected = Replace(ReadFile(expected_path), "FILE", file);
  EXPECT_EQ(result.err.substr(0, expected.size()), expected);
  EXPECT_NE(result.err.find("nothing was imported"), std::string::npos);
  EXPECT_EQ(RunProgram({"/usr/bin/sqlite3", db, ".dump"}), before);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(CorpusFiles()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string id;
                           for (char c : param.param.substr(0, param.param.size() - 4)) {
                             id += std::isalnum(static_cast<unsigned char>(c)) ? c : 'X';
                           }
                           return id;
                         });

}  // namespace
}  // namespace ordo::testing
