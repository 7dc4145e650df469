// The bad-input corpus: every file under tests/bad-input/ is imported into a copy of a seeded
// database and must be rejected with exit status 65, print exactly the problems listed in its
// .expected file (one "file:line:column: message" per line, the path written as FILE), and leave
// the database's content as it was (compared with `sqlite3 .dump`).
//
// File names say what to import: <kind>__<case>.csv, kind = relations|memberships|trade|facts|places
// (`ordo import KIND FILE`), seizures (`ordo seizures import FILE`) or unodc (`ordo seizures import
// --format unodc FILE --source ...`; made-up UNODC-style files, not real data).
// Files of kind cultivation or prices go to `ordo narcotics import KIND FILE`; their rows are
// made-up test fixtures, not real figures. Files ftm__<case>.ftm are FollowTheMoney entity streams
// (`ordo import ftm FILE --source ...`), made-up entities too; graphml__<case>.graphml GraphML files
// (`ordo import graphml`), and links__<case>.csv CSV links imported with the column mapping
// links__<case>.mapping.json beside them (`ordo import links FILE --mapping ...`; MAPPING in the
// .expected file stands for the mapping's path).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "ordo_runner.h"

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;

std::string SeededDatabase() {
  static const std::string* path = [] {
    auto* db = new std::string(MakeTempDir() + "/seeded.db");
    InitDatabase(*db);
    return db;
  }();
  return *path;
}

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(ORDO_SOURCE_DIR "/tests/bad-input")) {
    const fs::path extension = entry.path().extension();
    if (extension == ".csv" || extension == ".ftm" || extension == ".graphml") {
      files.push_back(entry.path().filename().string());
    }
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

// The column mapping of a links__<case>.csv: links__<case>.mapping.json beside it.
std::string MappingOf(const std::string& file) {
  return fs::path(file).replace_extension(".mapping.json").string();
}

// Imports `file` as `kind` into `db` the way the file name says (see the comment at the top).
RunResult Import(const std::string& kind, const std::string& file, const std::string& db) {
  if (kind == "cultivation" || kind == "prices") {
    return RunOrdo({"--db", db, "narcotics", "import", kind, file});
  }
  if (kind == "seizures") return RunOrdo({"--db", db, "seizures", "import", file});
  if (kind == "ftm" || kind == "graphml") {
    return RunOrdo({"--db", db, "import", kind, file, "--source", "bad-input corpus (made up)"});
  }
  if (kind == "links") {
    return RunOrdo({"--db", db, "import", "links", file, "--mapping", MappingOf(file), "--source",
                    "bad-input corpus (made up)"});
  }
  if (kind == "unodc") {
    return RunOrdo({"--db", db, "seizures", "import", "--format", "unodc", file, "--source",
                    "bad-input corpus (made up)"});
  }
  return RunOrdo({"--db", db, "import", kind, file});
}

// A copy of the seeded database and its dump, for one case.
struct DatabaseCopy {
  std::string path;
  std::string dump;
};

DatabaseCopy CopyOfSeededDatabase() {
  const std::string db = MakeTempDir() + "/copy.db";
  fs::copy_file(SeededDatabase(), db);
  return {db, DumpWithoutAudit(db)};
}

class BadInputTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInputTest, IsRejectedWithItsExpectedProblemsAndChangesNothing) {
  const std::string name = GetParam();
  const std::string kind = name.substr(0, name.find("__"));
  const std::string file = ORDO_SOURCE_DIR "/tests/bad-input/" + name;
  const std::string expected_path = fs::path(file).replace_extension(".expected").string();
  ASSERT_TRUE(fs::exists(expected_path)) << "every corpus file needs a .expected file";
  const DatabaseCopy db = CopyOfSeededDatabase();

  RunResult result = Import(kind, file, db.path);

  EXPECT_EQ(result.exit_code, 65) << result.err;
  // Exactly the expected problems, in order, then the one summary line and nothing else.
  const std::string expected =
      Replace(Replace(ReadFile(expected_path), "MAPPING", MappingOf(file)), "FILE", file);
  ASSERT_EQ(result.err.substr(0, expected.size()), expected);
  const std::string summary = result.err.substr(expected.size());
  EXPECT_EQ(summary.rfind("ordo: ", 0), 0u) << summary;
  EXPECT_NE(summary.find("; nothing was imported\n"), std::string::npos) << summary;
  EXPECT_EQ(std::count(summary.begin(), summary.end(), '\n'), 1) << summary;
  EXPECT_EQ(DumpWithoutAudit(db.path), db.dump);
  // The attempt itself is audited, with its outcome.
  const std::string audit = AuditSummary(db.path);
  const std::string last_line = "|exit 65\n";
  ASSERT_GE(audit.size(), last_line.size());
  EXPECT_EQ(audit.substr(audit.size() - last_line.size()), last_line) << audit;
}

// A 10 MB field is made here rather than committed: the reader stops at its 1 MiB limit with the
// field's position, and nothing is imported.
TEST(BadInputHugeFieldTest, ATenMegabyteFieldIsRejectedAtItsStart) {
  const std::string file = MakeTempDir() + "/relations__ten_megabyte_field.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "country_name_en,iso3,date_established,source_url,table_rank,notes,"
           "table_cited_source_url,wikitext_copy_url\n"
        << "Bhutan,BTN,2023-02-01,https://example.org,,\"" << std::string(10 * 1024 * 1024, 'x')
        << "\",,\n";
  }
  const DatabaseCopy db = CopyOfSeededDatabase();

  RunResult result = Import("relations", file, db.path);

  EXPECT_EQ(result.exit_code, 65);
  EXPECT_EQ(result.err, file + ":2:44: field longer than 1048576 bytes\nordo: 1 problem(s) in " +
                            file + "; nothing was imported\n");
  EXPECT_EQ(DumpWithoutAudit(db.path), db.dump);
}

// A GraphML file of one 100 MB line (a node whose value never ends in sight) is made here rather
// than committed: the reader stops at its 1 MiB value limit at the <data>, without holding the
// line, and nothing is imported.
TEST(BadInputHugeFieldTest, AHundredMegabyteGraphmlLineIsRejectedAtItsValue) {
  const std::string file = MakeTempDir() + "/graphml__hundred_megabyte_line.graphml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "<graphml><key id=\"k\" for=\"node\"/><graph><node id=\"a\"><data key=\"k\">";
    const std::string block(1024 * 1024, 'x');
    for (int i = 0; i < 100; ++i) out << block;
    out << "</data></node></graph></graphml>";
  }
  const DatabaseCopy db = CopyOfSeededDatabase();

  RunResult result = Import("graphml", file, db.path);

  EXPECT_EQ(result.exit_code, 65);
  EXPECT_EQ(result.err, file + ":1:54: value longer than 1048576 bytes\nordo: 1 problem(s) in " +
                            file + "; nothing was imported\n");
  EXPECT_EQ(DumpWithoutAudit(db.path), db.dump);
}

// A file with a header and no rows is a valid, empty import (CsvTable's contract): it succeeds and
// leaves the database as it was, for every kind.
TEST(BadInputHeaderOnlyTest, AHeaderWithoutRowsImportsNothing) {
  const std::map<std::string, std::string> headers = {
      {"relations",
       "country_name_en,iso3,date_established,source_url,table_rank,notes,"
       "table_cited_source_url,wikitext_copy_url"},
      {"memberships", "org_acronym,org_name,date_joined,role,source_url,notes"},
      {"trade", "partner_iso3,year,flow,value_usd,source_url,notes,period,reporter"},
      {"facts", "fact_id,topic,statement,year,quantity,unit,source_url,notes,place"},
      {"places", "name,kind,country_iso3,lat,lon,source_url,notes"},
      {"seizures", "seizure_id,date,country_iso3,drug,quantity,unit,synthetic"},
      {"unodc", "SEIZURE_DATE,COUNTRY_OF_SEIZURE,DRUG_NAME,AMOUNT_OF_DRUG,DRUG_UNIT"},
      {"cultivation", "year,country_iso3,region,crop,kind,hectares,synthetic,source"},
      {"prices", "date,country_iso3,place,drug,level,price,per,currency,synthetic,source"}};
  const DatabaseCopy db = CopyOfSeededDatabase();
  const std::string dir = MakeTempDir();
  for (const auto& [kind, header] : headers) {
    const std::string file = dir + "/" + kind + "__header_only.csv";
    std::ofstream(file, std::ios::binary) << header << "\r\n";

    RunResult result = Import(kind, file, db.path);

    EXPECT_EQ(result.exit_code, 0) << kind << ": " << result.err;
    EXPECT_EQ(DumpWithoutAudit(db.path), db.dump) << kind;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(CorpusFiles()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string id;
                           for (char c : fs::path(param.param).stem().string()) {
                             id += std::isalnum(static_cast<unsigned char>(c)) ? c : 'X';
                           }
                           return id;
                         });

}  // namespace
}  // namespace ordo::testing
