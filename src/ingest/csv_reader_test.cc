#include "ingest/csv_reader.h"

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/internal/test_support.h"

namespace ordo::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Parsed {
  std::vector<CsvRecord> records;
  std::vector<std::string> problems;
};

Parsed ReadAll(const std::string& text, CsvReaderOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv", options);
  Parsed parsed;
  CsvRecord record;
  while (reader.Next(record)) parsed.records.push_back(record);
  parsed.problems = internal::ProblemTexts(reader.Problems());
  return parsed;
}

std::vector<std::string> Values(const CsvRecord& record) {
  std::vector<std::string> values;
  for (const CsvField& field : record.fields) values.push_back(field.value);
  return values;
}

// "line:column" of each field.
std::vector<std::string> Positions(const CsvRecord& record) {
  std::vector<std::string> positions;
  for (const CsvField& field : record.fields) {
    positions.push_back(std::to_string(field.line) + ":" + std::to_string(field.column));
  }
  return positions;
}

// A stream buffer that serves `prefix` and then fails, like a disk that goes away.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string prefix) : prefix_(std::move(prefix)) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("device gone"); }

 private:
  std::string prefix_;
};

TEST(CsvReaderTest, ReadsHeaderAndRecords) {
  const Parsed parsed = ReadAll("a,b\n1,2\n");

  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Values(parsed.records[0]), ElementsAre("a", "b"));
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("1", "2"));
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:3"));
  EXPECT_EQ(parsed.records[1].line, 2);
  EXPECT_THAT(parsed.problems, IsEmpty());
}

// Runs of plain text are copied into a field at once (CsvTokenizer::ConsumeText); the split into
// chunks, which cuts runs anywhere, must not change values, positions or problems.
TEST(CsvReaderTest, ChunkSizeChangesNoValuePositionOrProblem) {
  const std::string text =
      "place,name,note\n"
      "Sary-Tash border post,\"quoted, with text\",x\xFFlonger plain text after\n"
      "Osh,\"two\nlines here\",tail text\r\n"
      "Bishkek,ab\"cd,\"q\"z text\n";
  const Parsed whole = ReadAll(text);
  for (std::size_t chunk : {1u, 2u, 3u, 5u, 7u}) {
    CsvReaderOptions options;
    options.chunk_size = chunk;
    const Parsed split = ReadAll(text, options);
    ASSERT_EQ(split.records.size(), whole.records.size()) << "chunk " << chunk;
    for (std::size_t i = 0; i < whole.records.size(); ++i) {
      EXPECT_EQ(Values(split.records[i]), Values(whole.records[i])) << "chunk " << chunk;
      EXPECT_EQ(Positions(split.records[i]), Positions(whole.records[i])) << "chunk " << chunk;
    }
    EXPECT_EQ(split.problems, whole.problems) << "chunk " << chunk;
  }
  ASSERT_EQ(whole.records.size(), 4u);
  EXPECT_THAT(Values(whole.records[2]), ElementsAre("Osh", "two\nlines here", "tail text"));
  EXPECT_THAT(Positions(whole.records[2]), ElementsAre("3:1", "3:5", "4:13"));
  EXPECT_THAT(Positions(whole.records[3]), ElementsAre("5:1", "5:9", "5:15"));
  EXPECT_THAT(whole.problems,
              ElementsAre("t.csv:2:44: invalid UTF-8 byte 0xFF",
                          "t.csv:5:11: quote inside an unquoted field (quote the whole field and "
                          "write a quote as \"\")",
                          "t.csv:5:18: characters after the closing quote of a quoted field"));
}

TEST(CsvReaderTest, AUtf16FileIsOneClearProblem) {
  const Parsed little = ReadAll(std::string("\xFF\xFE" "a\0,\0b\0\n\0", 10));
  const Parsed big = ReadAll(std::string("\xFE\xFF\0a\0,\0b\0\n", 10));

  EXPECT_THAT(little.records, IsEmpty());
  EXPECT_THAT(little.problems,
              ElementsAre("t.csv:1:1: the file starts with the byte-order mark FF FE of UTF-16 or "
                          "UTF-32 (little-endian); save it as UTF-8"));
  EXPECT_THAT(big.problems,
              ElementsAre("t.csv:1:1: the file starts with the byte-order mark FE FF of UTF-16 "
                          "(big-endian); save it as UTF-8"));
}

TEST(CsvReaderTest, LinesEndedByCarriageReturnsAloneAreOneProblem) {
  const Parsed parsed = ReadAll("a,b\r1,2\r3,4\r");

  EXPECT_THAT(parsed.records, IsEmpty());
  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:1:4: carriage return not followed by a line feed in the header: "
                          "lines ended by CR alone? save the file with LF or CRLF line ends"));
}

TEST(CsvReaderTest, StripsByteOrderMarkWithoutCountingItAsAColumn) {
  const Parsed parsed = ReadAll("\xEF\xBB\xBFname,iso3\nKyrgyzstan,KGZ\n");

  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Values(parsed.records[0]), ElementsAre("name", "iso3"));
  EXPECT_THAT(Positions(parsed.records[0]), ElementsAre("1:1", "1:6"));
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, InputOfOnlyAByteOrderMarkHasNoRecords) {
  const Parsed parsed = ReadAll("\xEF\xBB\xBF");

  EXPECT_THAT(parsed.records, IsEmpty());
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, AcceptsCrlfLineEnds) {
  const Parsed parsed = ReadAll("a,b\r\n1,2\r\n3,4\r\n");

  ASSERT_EQ(parsed.records.size(), 3u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("1", "2"));
  EXPECT_THAT(Positions(parsed.records[2]), ElementsAre("3:1", "3:3"));
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, QuotedFieldsKeepCommasEscapedQuotesAndLineBreaks) {
  const Parsed parsed = ReadAll("a,b\n\"x,\"\"y\"\"\",\"line1\r\nline2\"\nnext,z\n");

  ASSERT_EQ(parsed.records.size(), 3u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("x,\"y\"", "line1\r\nline2"));
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:11"));
  EXPECT_EQ(parsed.records[2].line, 4);
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, FieldAfterAMultiLineFieldStartsOnTheLaterLine) {
  const Parsed parsed = ReadAll("a,b\n\"x\ny\",z\n");

  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[1].line, 2);
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "3:4"));
}

TEST(CsvReaderTest, ColumnsCountUnicodeCharactersNotBytes) {
  const Parsed parsed = ReadAll("name,iso3\nТүркия,TUR\n");

  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:8"));
}

TEST(CsvReaderTest, EmptyFieldsStartWhereTheirCommaIs) {
  const Parsed parsed = ReadAll("a,b,c\n,,\n");

  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("", "", ""));
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:2", "2:3"));
}

TEST(CsvReaderTest, LastRecordNeedsNoLineEnd) {
  const Parsed parsed = ReadAll("a,b\n1,");

  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("1", ""));
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:3"));
}

TEST(CsvReaderTest, SkipsEmptyLines) {
  const Parsed parsed = ReadAll("a,b\n\n1,2\r\n\r\n3,4\n\n");

  ASSERT_EQ(parsed.records.size(), 3u);
  EXPECT_EQ(parsed.records[1].line, 3);
  EXPECT_EQ(parsed.records[2].line, 5);
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, EmptyInputHasNoRecordsAndNoProblems) {
  const Parsed parsed = ReadAll("");

  EXPECT_THAT(parsed.records, IsEmpty());
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, HeaderOnlyInputHasOneRecord) {
  const Parsed parsed = ReadAll("a,b");

  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_THAT(Values(parsed.records[0]), ElementsAre("a", "b"));
  EXPECT_THAT(parsed.problems, IsEmpty());
}

TEST(CsvReaderTest, ReportsInvalidUtf8ByteAtItsPositionAndKeepsReading) {
  const Parsed parsed = ReadAll("a,b\nx\xFFy,z\n1,2\n");

  EXPECT_THAT(parsed.problems, ElementsAre("t.csv:2:2: invalid UTF-8 byte 0xFF"));
  ASSERT_EQ(parsed.records.size(), 3u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("x\xEF\xBF\xBDy", "z"));
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:5"));
}

TEST(CsvReaderTest, ReportsABrokenSequenceAtItsLeadByte) {
  const Parsed parsed = ReadAll("a,b\nab\xE2\x82,c\n");

  EXPECT_THAT(parsed.problems, ElementsAre("t.csv:2:3: invalid UTF-8 byte 0xE2"));
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:5"));
}

TEST(CsvReaderTest, RejectsEncodedSurrogates) {
  const Parsed parsed = ReadAll("a\n\xED\xA0\x80\n");

  ASSERT_FALSE(parsed.problems.empty());
  EXPECT_EQ(parsed.problems[0], "t.csv:2:1: invalid UTF-8 byte 0xED");
}

TEST(CsvReaderTest, ReportsASequenceCutOffByTheEndOfInput) {
  const Parsed parsed = ReadAll("a\nok\xD0");

  EXPECT_THAT(parsed.problems, ElementsAre("t.csv:2:3: invalid UTF-8 byte 0xD0"));
}

TEST(CsvReaderTest, ReportsQuoteInsideUnquotedField) {
  const Parsed parsed = ReadAll("a,b\nab\"c,d\n");

  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_THAT(parsed.problems[0],
              ::testing::StartsWith("t.csv:2:3: quote inside an unquoted field"));
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("ab\"c", "d"));
}

TEST(CsvReaderTest, ReportsCharactersAfterClosingQuote) {
  const Parsed parsed = ReadAll("a,b\n\"ab\"c,d\n");

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:2:5: characters after the closing quote of a quoted field"));
}

TEST(CsvReaderTest, ReportsUnterminatedQuoteAtItsOpeningQuote) {
  const Parsed parsed = ReadAll("a,b\n1,\"open\nmore,stuff\n");

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:2:3: quoted field is not closed before the end of the file"));
  EXPECT_EQ(parsed.records.size(), 1u);
}

TEST(CsvReaderTest, StopsAtNulByte) {
  const Parsed parsed = ReadAll(std::string("a,b\n1,x\0y\n3,4\n", 14));

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:2:4: NUL byte (is this a UTF-16 or binary file?)"));
  EXPECT_EQ(parsed.records.size(), 1u);
}

// UTF-16 without a byte-order mark still stops at its first NUL.
TEST(CsvReaderTest, Utf16WithoutAByteOrderMarkStopsAtItsFirstNul) {
  const Parsed parsed = ReadAll(std::string("a\0,\0b\0", 6));

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:1:2: NUL byte (is this a UTF-16 or binary file?)"));
}

TEST(CsvReaderTest, StopsAtAFieldOverTheSizeLimit) {
  const std::string big(1024 * 1024 + 1, 'x');
  const Parsed parsed = ReadAll("a,b\n1,\"" + big + "\"\n3,4\n");

  EXPECT_THAT(parsed.problems, ElementsAre("t.csv:2:3: field longer than 1048576 bytes"));
  EXPECT_EQ(parsed.records.size(), 1u);
}

TEST(CsvReaderTest, AcceptsAFieldOfExactlyTheSizeLimit) {
  CsvReaderOptions options;
  options.max_field_bytes = 4;
  const Parsed parsed = ReadAll("a\nabcd\n", options);

  EXPECT_THAT(parsed.problems, IsEmpty());
  EXPECT_EQ(parsed.records.size(), 2u);
}

TEST(CsvReaderTest, ReportsRaggedRowsAndKeepsReading) {
  const Parsed parsed = ReadAll("a,b,c\n1,2\r\n1,2,3,4\n5,6,7\n");

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:2:4: expected 3 fields as in the header, found 2",
                          "t.csv:3:7: expected 3 fields as in the header, found 4"));
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Values(parsed.records[1]), ElementsAre("5", "6", "7"));
}

TEST(CsvReaderTest, ReportsAShortLastRecordAtTheEndOfInput) {
  const Parsed parsed = ReadAll("a,b\nxy");

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:2:3: expected 2 fields as in the header, found 1"));
}

TEST(CsvReaderTest, ReportsCarriageReturnWithoutLineFeed) {
  const Parsed parsed = ReadAll("a,b\n1\r2,3\n");

  EXPECT_THAT(parsed.problems,
              ElementsAre("t.csv:2:2: carriage return not followed by a line feed"));
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_THAT(Positions(parsed.records[1]), ElementsAre("2:1", "2:5"));
}

TEST(CsvReaderTest, StopsAfterTooManyProblems) {
  CsvReaderOptions options;
  options.max_problems = 3;
  const Parsed parsed = ReadAll("a\n\xFF\n\xFF\n\xFF\n\xFF\n\xFF\n", options);

  EXPECT_THAT(parsed.problems, ElementsAre("t.csv:2:1: invalid UTF-8 byte 0xFF",
                                           "t.csv:3:1: invalid UTF-8 byte 0xFF",
                                           "t.csv:4:1: invalid UTF-8 byte 0xFF",
                                           "t.csv:4: too many problems; stopped reading"));
}

TEST(CsvReaderTest, StopsAtARecordWithTooManyFields) {
  CsvReaderOptions options;
  options.max_record_fields = 3;
  const Parsed parsed = ReadAll("a,b,c,d\n", options);

  EXPECT_THAT(parsed.problems, ElementsAre("t.csv:1:7: record has more than 3 fields"));
  EXPECT_THAT(parsed.records, IsEmpty());
}

TEST(CsvReaderTest, StopsAtAReadError) {
  FailingBuffer buffer("a,b\n1,2\n3");
  std::istream in(&buffer);
  CsvReaderOptions options;
  options.chunk_size = 1;
  CsvReader reader(in, "t.csv", options);
  CsvRecord record;

  int records = 0;
  while (reader.Next(record)) ++records;

  EXPECT_EQ(records, 2);
  EXPECT_THAT(internal::ProblemTexts(reader.Problems()), ElementsAre("t.csv:3: read error"));
}

TEST(CsvReaderTest, ReadsTheSameInOneByteChunks) {
  const std::string text =
      "\xEF\xBB\xBFname,note\r\n\"Т\xC3\xBCrkiye\",\"a "
      "\"\"b\"\"\r\nc\"\r\nx\xFF,\xE2\x82\r\nq,\"r\"s\n";
  CsvReaderOptions one_byte;
  one_byte.chunk_size = 1;

  const Parsed whole = ReadAll(text);
  const Parsed bytewise = ReadAll(text, one_byte);

  ASSERT_EQ(whole.records.size(), bytewise.records.size());
  for (std::size_t i = 0; i < whole.records.size(); ++i) {
    EXPECT_EQ(Values(whole.records[i]), Values(bytewise.records[i]));
    EXPECT_EQ(Positions(whole.records[i]), Positions(bytewise.records[i]));
  }
  EXPECT_EQ(whole.problems, bytewise.problems);
  EXPECT_THAT(
      whole.problems,
      ElementsAre("t.csv:4:2: invalid UTF-8 byte 0xFF", "t.csv:4:4: invalid UTF-8 byte 0xE2",
                  "t.csv:5:6: characters after the closing quote of a quoted field"));
}

}  // namespace
}  // namespace ordo::ingest
