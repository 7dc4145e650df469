#include "ingest/csv_table.h"

#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

enum Column : std::size_t { kName, kValue, kExtra };

std::vector<ColumnSpec> Columns() {
  return {{"name"}, {"value"}, {"extra", ColumnPresence::kOptional}};
}

// A table over `text` that owns its stream and problem list.
class TableFixture {
 public:
  explicit TableFixture(const std::string& text)
      : in_(text), table_(in_, "t.csv", Columns(), problems_) {}

  CsvTable& Table() { return table_; }
  std::vector<std::string> Problems() const { return internal::ProblemTexts(problems_); }

 private:
  std::istringstream in_;
  std::vector<Diagnostic> problems_;
  CsvTable table_;
};

TEST(CsvTableTest, MapsColumnsByNameInAnyOrder) {
  TableFixture fixture("value,name\n42,answer\n");
  CsvTable& table = fixture.Table();

  ASSERT_TRUE(table.NextRow());

  EXPECT_EQ(table.View(kName), "answer");
  EXPECT_EQ(table.View(kValue), "42");
  EXPECT_FALSE(table.HasColumn(kExtra));
  EXPECT_EQ(table.View(kExtra), "");
  EXPECT_EQ(table.Line(), 2);
  EXPECT_THAT(fixture.Problems(), IsEmpty());
}

TEST(CsvTableTest, ReportsMissingRequiredColumnAtTheHeaderLine) {
  TableFixture fixture("name,extra\nx,y\n");

  EXPECT_THAT(fixture.Problems(), ElementsAre("t.csv:1: missing required column 'value'"));
}

TEST(CsvTableTest, ReportsUnknownColumnAtItsPosition) {
  TableFixture fixture("name,value,vlaue\n");

  EXPECT_THAT(fixture.Problems(), ElementsAre("t.csv:1:12: unknown column 'vlaue'"));
}

TEST(CsvTableTest, SaysWhenAnUnknownColumnHidesAByteOrderMark) {
  // The first BOM is the file's own and is stripped; the second one sticks to the name.
  TableFixture fixture("\xEF\xBB\xBF\xEF\xBB\xBFname,value\n");

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:1:1: unknown column '\xEF\xBB\xBFname' (it contains an invisible "
                          "byte-order mark, U+FEFF)",
                          "t.csv:1: missing required column 'name'"));
}

TEST(CsvTableTest, ReportsDuplicateColumnAtItsSecondOccurrence) {
  TableFixture fixture("name,value,name\n");

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:1:12: duplicate column 'name' (first at column 1)"));
}

TEST(CsvTableTest, ReportsAnEmptyFile) {
  TableFixture fixture("");

  EXPECT_FALSE(fixture.Table().NextRow());
  EXPECT_THAT(fixture.Problems(), ElementsAre("t.csv: file is empty; expected a header row"));
}

TEST(CsvTableTest, HeaderOnlyFileHasNoRowsAndNoProblems) {
  TableFixture fixture("name,value\r\n");

  EXPECT_FALSE(fixture.Table().NextRow());
  EXPECT_THAT(fixture.Problems(), IsEmpty());
}

TEST(CsvTableTest, FieldsOfAMissingColumnReadEmptyWithoutMoreReports) {
  TableFixture fixture("name\nx\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  const std::string value = table.RequiredText(kValue);

  EXPECT_EQ(value, "");
  EXPECT_FALSE(table.RowOk());
  EXPECT_THAT(fixture.Problems(), ElementsAre("t.csv:1: missing required column 'value'"));
}

TEST(CsvTableTest, RequiredTextReportsAnEmptyField) {
  TableFixture fixture("name,value\n,1\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  EXPECT_EQ(table.RequiredText(kName), "");

  EXPECT_FALSE(table.RowOk());
  EXPECT_THAT(fixture.Problems(), ElementsAre("t.csv:2:1: name: missing value"));
}

TEST(CsvTableTest, DateReportsAMalformedDateWithColumnName) {
  TableFixture fixture("name,value\nx,1992/01/05\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  EXPECT_FALSE(table.Date(kValue, FieldNeed::kOptional).has_value());

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:3: value: invalid date '1992/01/05': expected YYYY, YYYY-MM or "
                          "YYYY-MM-DD"));
}

TEST(CsvTableTest, DateReportsADayThatDoesNotExist) {
  TableFixture fixture("name,value\nÖsterreich,1992-02-30\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  EXPECT_FALSE(table.Date(kValue, FieldNeed::kOptional).has_value());

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:12: value: invalid date '1992-02-30': day 30 does not exist in "
                          "1992-02"));
}

TEST(CsvTableTest, OptionalEmptyDateIsNulloptWithoutProblem) {
  TableFixture fixture("name,value\nx,\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  EXPECT_FALSE(table.Date(kValue, FieldNeed::kOptional).has_value());

  EXPECT_TRUE(table.RowOk());
}

TEST(CsvTableTest, IntegerRejectsSurroundingSpaces) {
  TableFixture fixture("name,value\nx,\" 12\"\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  EXPECT_FALSE(table.Integer(kValue, FieldNeed::kRequired, 0, 100).has_value());

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:3: value: ' 12' has leading or trailing spaces"));
}

TEST(CsvTableTest, IntegerRejectsNegativeValueWhereNonNegativeIsExpected) {
  TableFixture fixture("name,value\nx,-5\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  EXPECT_FALSE(table.Integer(kValue, FieldNeed::kRequired, 0, 100).has_value());

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:3: value: '-5' is negative; expected a non-negative integer"));
}

TEST(CsvTableTest, IntegerRejectsValuesOutOfRange) {
  TableFixture fixture("name,value\nx,0\ny,99999999999999999999\nz,1.5\n");
  CsvTable& table = fixture.Table();

  while (table.NextRow()) table.Integer(kValue, FieldNeed::kRequired, 1, 9999);

  EXPECT_THAT(
      fixture.Problems(),
      ElementsAre("t.csv:2:3: value: '0' is out of range; expected an integer from 1 to 9999",
                  "t.csv:3:3: value: '99999999999999999999' is out of range; expected an "
                  "integer from 1 to 9999",
                  "t.csv:4:3: value: '1.5' is not an integer"));
}

TEST(CsvTableTest, NumberRejectsNanInfinityAndValuesOutOfRange) {
  TableFixture fixture("name,value\nx,nan\ny,inf\nz,90.5\nw,1e999\n");
  CsvTable& table = fixture.Table();

  while (table.NextRow()) table.Number(kValue, FieldNeed::kRequired, -90, 90);

  EXPECT_THAT(
      fixture.Problems(),
      ElementsAre("t.csv:2:3: value: 'nan' is not a finite number",
                  "t.csv:3:3: value: 'inf' is not a finite number",
                  "t.csv:4:3: value: '90.5' is out of range; expected a number from -90 to 90",
                  "t.csv:5:3: value: '1e999' is out of range; expected a number from -90 to "
                  "90"));
}

TEST(CsvTableTest, NumberParsesDecimals) {
  TableFixture fixture("name,value\nx,-41.25\n");
  CsvTable& table = fixture.Table();
  ASSERT_TRUE(table.NextRow());

  const std::optional<double> value = table.Number(kValue, FieldNeed::kRequired, -90, 90);

  ASSERT_TRUE(value.has_value());
  EXPECT_DOUBLE_EQ(*value, -41.25);
}

TEST(CsvTableTest, CountryReportsUnknownIsoCode) {
  TableFixture fixture("name,value\nx,XXK\ny,TR\n");
  CsvTable& table = fixture.Table();
  const KnownCountries known = internal::Known({"TUR"});

  while (table.NextRow()) table.Country(kValue, known);

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:3: value: unknown ISO 3166-1 alpha-3 code 'XXK'",
                          "t.csv:3:3: value: country code 'TR' must be three letters (ISO 3166-1 "
                          "alpha-3)"));
}

TEST(CsvTableTest, UrlMustBeHttpOrHttps) {
  TableFixture fixture("name,value\nx,ftp://example.org\ny,https://example.org/a b\n");
  CsvTable& table = fixture.Table();

  while (table.NextRow()) table.Url(kValue, FieldNeed::kRequired);

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:3: value: 'ftp://example.org' is not an http:// or https:// URL",
                          "t.csv:3:3: value: 'https://example.org/a b' contains a space"));
}

TEST(CsvTableTest, CheckUniqueNamesTheEarlierLine) {
  TableFixture fixture("name,value\na,1\nb,2\na,3\n");
  CsvTable& table = fixture.Table();
  std::map<std::string, int> first_lines;

  while (table.NextRow()) table.CheckUnique(kName, table.Text(kName), first_lines);

  EXPECT_THAT(fixture.Problems(), ElementsAre("t.csv:4:1: name: duplicate 'a' (first on line 2)"));
}

TEST(CsvTableTest, ProblemsOfTheCsvLayerComeInLineOrder) {
  TableFixture fixture("name,value\nx\n\"y\"z,1\nw,\n");
  CsvTable& table = fixture.Table();

  while (table.NextRow()) table.RequiredText(kValue);

  EXPECT_THAT(fixture.Problems(),
              ElementsAre("t.csv:2:2: expected 2 fields as in the header, found 1",
                          "t.csv:3:4: characters after the closing quote of a quoted field",
                          "t.csv:4:3: value: missing value"));
}

}  // namespace
}  // namespace ordo::ingest
