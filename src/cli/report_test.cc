#include "cli/report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ordo::cli {
namespace {

Report OneSection() {
  Section section{"rows", "", {{"name"}, {"value"}, {"notes", true}}, {}, false};
  section.rows = {{std::string("Osh, city"), std::int64_t{42}, std::string("say \"hi\"")},
                  {std::string("Batken"), std::monostate{}, std::monostate{}}};
  return Report{{section}, {"a note"}};
}

std::string Render(const Report& report, OutputFormat format) {
  std::ostringstream out;
  WriteReport(out, report, format);
  return out.str();
}

TEST(ReportTest, MissingValuesPrintAsUnknownNeverZero) {
  std::string table = Render(OneSection(), OutputFormat::kTable);

  EXPECT_NE(table.find("Batken     unknown"), std::string::npos) << table;
  EXPECT_EQ(table.find("notes"), std::string::npos) << "wide columns stay out of tables";
  EXPECT_NE(table.find("note: a note"), std::string::npos);
}

TEST(ReportTest, CsvQuotesFieldsAndLeavesMissingValuesEmpty) {
  EXPECT_EQ(Render(OneSection(), OutputFormat::kCsv),
            "name,value,notes\n\"Osh, city\",42,\"say \"\"hi\"\"\"\nBatken,,\n");
}

TEST(ReportTest, CsvNeutralisesTextThatASpreadsheetWouldEvaluate) {
  Section section{"rows", "", {{"note"}, {"change"}}, {}, false};
  section.rows = {{std::string("=HYPERLINK(\"http://x\",\"y\")"), -2.5},
                  {std::string("+1"), std::int64_t{-3}},
                  {std::string("-1"), std::monostate{}},
                  {std::string("@SUM(A1)"), std::monostate{}},
                  {std::string("\tx"), std::monostate{}},
                  {std::string("a=b"), std::monostate{}}};

  EXPECT_EQ(Render(Report{{section}, {}}, OutputFormat::kCsv),
            "note,change\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-2.5\n'+1,-3\n'-1,\n"
            "'@SUM(A1),\n'\tx,\na=b,\n");
}

TEST(ReportTest, JsonOfOneSectionIsAnArrayWithNulls) {
  std::string json = Render(OneSection(), OutputFormat::kJson);

  EXPECT_EQ(json.front(), '[');
  EXPECT_NE(json.find("\"value\": null"), std::string::npos) << json;
  EXPECT_NE(json.find("\"value\": 42"), std::string::npos);
  EXPECT_EQ(json.find("a note"), std::string::npos);
}

TEST(ReportTest, JsonOfSeveralSectionsIsAnObjectKeyedById) {
  Report report = OneSection();
  Section summary{"summary", "", {{"key"}, {"value"}}, {{std::string("total"), 3.5}}, true};
  report.sections.push_back(summary);

  std::string json = Render(report, OutputFormat::kJson);

  EXPECT_EQ(json.front(), '{');
  EXPECT_NE(json.find("\"summary\": {\n    \"total\": 3.5"), std::string::npos) << json;
}

TEST(ReportTest, UnknownFormatNamesTheFlag) {
  auto format = ParseOutputFormat("xml");

  ASSERT_FALSE(format.has_value());
  EXPECT_NE(format.error().message().find("--format"), std::string::npos);
}

}  // namespace
}  // namespace ordo::cli
