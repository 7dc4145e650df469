// Formula-injection cells (tests/bad-input/formula/): text such as "=HYPERLINK(...)", "+1", "-2+3"
// or "@SUM(A1)" is legal in notes, places, concealment and agency fields and is imported as it is,
// but every CSV Ordo writes must neutralise it so a spreadsheet shows it as text instead of
// evaluating it. The check reads each CSV export back with Ordo's own CSV reader and fails on any
// field that a spreadsheet would evaluate (numbers excepted), then looks for the neutralised cells.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.h"
#include "ordo_runner.h"

namespace ordo::testing {
namespace {

const std::string kCorpus = ORDO_SOURCE_DIR "/tests/bad-input/formula/";

bool IsNumber(const std::string& text) {
  std::istringstream in(text);
  double value = 0;
  return (in >> value) && in.peek() == std::char_traits<char>::eof();
}

// Every field of `csv` (first section only: Ordo's CSV has one table per command here).
std::vector<std::string> Fields(const std::string& csv) {
  std::istringstream in(csv);
  ingest::CsvReaderOptions options;
  ingest::CsvReader reader(in, "export.csv", options);
  std::vector<std::string> fields;
  ingest::CsvRecord record;
  while (reader.Next(record)) {
    for (const auto& field : record.fields) fields.push_back(field.value);
  }
  EXPECT_TRUE(reader.Problems().empty()) << "the export is not well-formed CSV:\n" << csv;
  return fields;
}

void ExpectNoFormula(const std::string& csv) {
  for (const std::string& field : Fields(csv)) {
    if (field.empty() || IsNumber(field)) continue;
    EXPECT_EQ(std::string("=+-@\t\r").find(field.front()), std::string::npos)
        << "a spreadsheet would evaluate '" << field << "'";
  }
}

bool HasField(const std::string& csv, const std::string& value) {
  for (const std::string& field : Fields(csv)) {
    if (field == value) return true;
  }
  return false;
}

class CsvExportFormulaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeTempDir() + "/ordo.db";
    ASSERT_NO_FATAL_FAILURE(InitDatabase(db_));
  }
  std::string db_;
};

TEST_F(CsvExportFormulaTest, RelationNotesAreNeutralisedInCsv) {
  RunResult imported =
      RunOrdo({"--db", db_, "import", "relations", kCorpus + "relations__formula_notes.csv"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  RunResult listed = RunOrdo({"--db", db_, "--format", "csv", "relations"});

  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  ExpectNoFormula(listed.out);
  EXPECT_TRUE(HasField(listed.out, "'=HYPERLINK(\"http://evil.example/\",\"click\")")) << listed.out;
  EXPECT_TRUE(HasField(listed.out, "'@SUM(A1:A9)")) << listed.out;
}

TEST_F(CsvExportFormulaTest, SeizureTextIsNeutralisedInTheListAndTheBulletin) {
  RunResult imported =
      RunOrdo({"--db", db_, "seizures", "import", kCorpus + "seizures__formula_text.csv"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  RunResult listed = RunOrdo({"--db", db_, "--format", "csv", "seizures", "list"});
  RunResult bulletin = RunOrdo({"--db", db_, "--format", "csv", "bulletin", "--period", "2024"});

  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  ExpectNoFormula(listed.out);
  EXPECT_TRUE(HasField(listed.out, "'-2+3")) << listed.out;
  ASSERT_EQ(bulletin.exit_code, 0) << bulletin.err;
  ExpectNoFormula(bulletin.out);
  EXPECT_TRUE(HasField(bulletin.out, "'=cmd|' /C calc'!A0")) << bulletin.out;
}

TEST(CsvExportFormulaCheckTest, TheCheckFindsAnUnneutralisedFormula) {
  EXPECT_FALSE(HasField("a,b\n=1+1,2\n", "'=1+1"));
  EXPECT_TRUE(IsNumber("-2.5"));
  EXPECT_FALSE(IsNumber("-2+3"));
}

}  // namespace
}  // namespace ordo::testing
