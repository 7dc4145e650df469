#pragma once
// CsvTokenizer: the RFC 4180 state machine behind CsvReader. It takes the bytes of a CSV text one
// at a time, validates UTF-8 on the same pass, tracks the line and column of every field and
// reports malformed input (see CsvReader for the rules and positions).

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/csv_reader.h"
#include "ingest/diagnostic.h"
#include "ingest/internal/utf8_sequence.h"

namespace ordo::ingest::internal {

// A multi-byte character takes the state transition of "some text" at its lead byte, so fields
// start at the right column, and its bytes are appended once the sequence is complete, or U+FFFD
// when it breaks. Not thread-safe; `problems` must outlive the tokenizer.
class CsvTokenizer {
 public:
  CsvTokenizer(std::string_view file_name, const CsvReaderOptions& options,
               std::vector<Diagnostic>& problems);

  // Feeds one byte, adding to `record`. Returns true when the byte completed a well-formed record;
  // a ragged record is reported and cleared instead.
  bool Consume(unsigned char byte, CsvRecord& record);
  // Feeds the longest prefix of `bytes` made of plain ASCII text (no quote, comma, CR, LF or NUL)
  // exactly as Consume would one byte at a time, and returns its length, 0 when `bytes` does not
  // start with such text or a multi-byte character or a CR is pending. It copies the prefix into
  // the field at once, which is what makes reading large files fast.
  std::size_t ConsumeText(std::string_view bytes, CsvRecord& record);
  // Ends the input. Returns true when that completed a last record.
  bool Finish(CsvRecord& record);
  // Reports an unrecoverable problem of the input itself (a read error) at the current line.
  void FailAtLine(std::string message);
  // Reports an unrecoverable problem at line:column (a UTF-16 byte-order mark at 1:1).
  void FailAt(int line, int column, std::string message) { Fail(line, column, std::move(message)); }
  // True after an unrecoverable problem or Finish().
  bool Done() const { return done_; }

 private:
  enum class State {
    kRecordStart,    // nothing of the record read yet
    kFieldStart,     // just after a comma
    kUnquoted,       // inside an unquoted field
    kQuoted,         // inside a quoted field
    kQuoteInQuoted,  // after a quote inside a quoted field: an escape or the closing quote
    kAfterQuote,     // text after a closing quote (already reported)
  };

  bool ConsumeAscii(unsigned char byte, int column);
  void ConsumeQuote(int column);
  void ConsumeComma(int column);
  bool ConsumeLineFeed(int column);
  void BeginText(int column);
  void StartField(int column);
  void Append(std::string_view bytes);
  bool EndRecord(int line, int column);
  void ReportInvalidByte(unsigned char byte, int line, int column);
  void Report(int line, int column, std::string message);
  void Fail(int line, int column, std::string message);

  std::string file_name_;
  CsvReaderOptions options_;
  std::vector<Diagnostic>& problems_;
  bool done_ = false;

  State state_ = State::kRecordStart;
  int line_ = 1;         // line of the next character
  int next_column_ = 1;  // column of the next character
  Utf8Sequence utf8_;
  int utf8_line_ = 0;  // where the pending UTF-8 sequence started
  int utf8_column_ = 0;
  bool pending_cr_ = false;  // a carriage return outside quotes, waiting for its line feed
  int pending_cr_column_ = 0;
  int quote_line_ = 0;  // where the open quoted field started
  int quote_column_ = 0;
  std::size_t expected_fields_ = 0;  // set by the header
  std::size_t problem_count_ = 0;
  CsvRecord* record_ = nullptr;  // the record being filled by the current call
};

}  // namespace ordo::ingest::internal
