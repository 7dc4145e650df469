#include "ingest/internal/csv_tokenizer.h"

#include <climits>
#include <cstdio>
#include <utility>

#include "core/assert.h"

namespace ordo::ingest::internal {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

std::string HexByte(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(byte));
  return text;
}

// Positions saturate instead of overflowing on absurdly long input.
int Advance(int& counter) {
  const int current = counter;
  if (counter < INT_MAX) ++counter;
  return current;
}

}  // namespace

CsvTokenizer::CsvTokenizer(std::string_view file_name, const CsvReaderOptions& options,
                           std::vector<Diagnostic>& problems)
    : file_name_(file_name), options_(options), problems_(problems) {}

// Returns true when `byte` completed a well-formed record.
bool CsvTokenizer::Consume(unsigned char byte, CsvRecord& record) {
  record_ = &record;
  if (utf8_.Pending()) {
    if (utf8_.Accept(byte)) {
      if (utf8_.Complete()) {
        Append(utf8_.Bytes());
        utf8_.Reset();
      }
      return false;
    }
    ReportInvalidByte(utf8_.Lead(), utf8_line_, utf8_column_);
    utf8_.Reset();
    Append(kReplacementCharacter);
    if (done_) return false;
  }
  const int column = Advance(next_column_);
  if (pending_cr_) {
    pending_cr_ = false;
    if (byte == '\n') {
      const bool completed = state_ != State::kRecordStart && EndRecord(line_, pending_cr_column_);
      Advance(line_);
      next_column_ = 1;
      return completed;
    }
    if (expected_fields_ == 0) {
      // In the header: the lines of the whole file most likely end in CR alone (old Mac text),
      // and every later message would only repeat that.
      Fail(line_, pending_cr_column_,
           "carriage return not followed by a line feed in the header: lines ended by CR alone? "
           "save the file with LF or CRLF line ends");
      return false;
    }
    BeginText(pending_cr_column_);
    Report(line_, pending_cr_column_, "carriage return not followed by a line feed");
    Append("\r");
    if (done_) return false;
  }
  if (byte < 0x80) return ConsumeAscii(byte, column);
  BeginText(column);
  if (Utf8Sequence::ContinuationCount(byte) > 0) {
    utf8_.Start(byte);
    utf8_line_ = line_;
    utf8_column_ = column;
    return false;
  }
  ReportInvalidByte(byte, line_, column);
  Append(kReplacementCharacter);
  return false;
}

std::size_t CsvTokenizer::ConsumeText(std::string_view bytes, CsvRecord& record) {
  if (done_ || utf8_.Pending() || pending_cr_) return 0;
  if (state_ != State::kRecordStart && state_ != State::kFieldStart &&
      state_ != State::kUnquoted && state_ != State::kQuoted) {
    return 0;
  }
  std::size_t length = 0;
  while (length < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[length]);
    if (byte >= 0x80 || byte == '"' || byte == ',' || byte == '\n' || byte == '\r' ||
        byte == '\0') {
      break;
    }
    ++length;
  }
  if (length == 0) return 0;
  record_ = &record;
  BeginText(next_column_);  // starts the field when this is its first character
  next_column_ = length > static_cast<std::size_t>(INT_MAX - next_column_)
                     ? INT_MAX
                     : next_column_ + static_cast<int>(length);
  Append(bytes.substr(0, length));
  return length;
}

bool CsvTokenizer::ConsumeAscii(unsigned char byte, int column) {
  switch (byte) {
    case '\0':
      Fail(line_, column, "NUL byte (is this a UTF-16 or binary file?)");
      return false;
    case '"':
      ConsumeQuote(column);
      return false;
    case ',':
      ConsumeComma(column);
      return false;
    case '\n':
      return ConsumeLineFeed(column);
    case '\r':
      if (state_ != State::kQuoted) {
        pending_cr_ = true;
        pending_cr_column_ = column;
        return false;
      }
      break;
    default:
      break;
  }
  BeginText(column);
  Append(std::string_view(reinterpret_cast<const char*>(&byte), 1));
  return false;
}

void CsvTokenizer::ConsumeQuote(int column) {
  switch (state_) {
    case State::kRecordStart:
    case State::kFieldStart:
      StartField(column);
      quote_line_ = line_;
      quote_column_ = column;
      state_ = State::kQuoted;
      return;
    case State::kUnquoted:
      Report(line_, column,
             "quote inside an unquoted field (quote the whole field and write a quote as \"\")");
      Append("\"");
      return;
    case State::kQuoted:
      state_ = State::kQuoteInQuoted;
      return;
    case State::kQuoteInQuoted:
      Append("\"");
      state_ = State::kQuoted;
      return;
    case State::kAfterQuote:
      Append("\"");
      return;
  }
}

void CsvTokenizer::ConsumeComma(int column) {
  switch (state_) {
    case State::kRecordStart:
    case State::kFieldStart:
      StartField(column);  // an empty field starts where its closing comma is
      state_ = State::kFieldStart;
      return;
    case State::kQuoted:
      Append(",");
      return;
    default:
      state_ = State::kFieldStart;
      return;
  }
}

bool CsvTokenizer::ConsumeLineFeed(int column) {
  bool completed = false;
  if (state_ == State::kQuoted) {
    Append("\n");
  } else if (state_ != State::kRecordStart) {  // an empty line is skipped
    completed = EndRecord(line_, column);
  }
  Advance(line_);
  next_column_ = 1;
  return completed;
}

// The transition for any character that is plain text in the current state.
void CsvTokenizer::BeginText(int column) {
  switch (state_) {
    case State::kRecordStart:
    case State::kFieldStart:
      StartField(column);
      state_ = State::kUnquoted;
      return;
    case State::kQuoteInQuoted:
      Report(line_, column, "characters after the closing quote of a quoted field");
      state_ = State::kAfterQuote;
      return;
    default:
      return;
  }
}

void CsvTokenizer::StartField(int column) {
  auto& fields = record_->fields;
  if (fields.empty()) record_->line = line_;
  if (fields.size() >= options_.max_record_fields) {
    Fail(line_, column,
         "record has more than " + std::to_string(options_.max_record_fields) + " fields");
    return;
  }
  fields.push_back(CsvField{std::string(), line_, column});
}

void CsvTokenizer::Append(std::string_view bytes) {
  if (done_) return;
  ORDO_ASSERT(!record_->fields.empty(), "text outside a field");
  CsvField& field = record_->fields.back();
  field.value.append(bytes);
  if (field.value.size() > options_.max_field_bytes) {
    Fail(field.line, field.column,
         "field longer than " + std::to_string(options_.max_field_bytes) + " bytes");
  }
}

// Ends the record whose terminator (or the end of input) is at line:column.
bool CsvTokenizer::EndRecord(int line, int column) {
  if (state_ == State::kFieldStart) StartField(column);  // a trailing comma leaves an empty field
  state_ = State::kRecordStart;
  if (done_) return false;
  auto& fields = record_->fields;
  if (expected_fields_ == 0) expected_fields_ = fields.size();
  if (fields.size() == expected_fields_) return true;
  if (fields.size() > expected_fields_) {
    line = fields[expected_fields_].line;  // point at the first extra field
    column = fields[expected_fields_].column;
  }
  Report(line, column,
         "expected " + std::to_string(expected_fields_) + " fields as in the header, found " +
             std::to_string(fields.size()));
  fields.clear();
  return false;
}

bool CsvTokenizer::Finish(CsvRecord& record) {
  record_ = &record;
  if (utf8_.Pending()) {
    ReportInvalidByte(utf8_.Lead(), utf8_line_, utf8_column_);
    utf8_.Reset();
    Append(kReplacementCharacter);
  }
  bool completed = false;
  if (done_) {
    completed = false;
  } else if (pending_cr_) {  // a final CR ends the record like CRLF
    completed = state_ != State::kRecordStart && EndRecord(line_, pending_cr_column_);
  } else if (state_ == State::kQuoted) {
    Fail(quote_line_, quote_column_, "quoted field is not closed before the end of the file");
  } else if (state_ != State::kRecordStart) {
    completed = EndRecord(line_, next_column_);
  }
  done_ = true;
  return completed;
}

void CsvTokenizer::ReportInvalidByte(unsigned char byte, int line, int column) {
  Report(line, column, "invalid UTF-8 byte " + HexByte(byte));
}

void CsvTokenizer::Report(int line, int column, std::string message) {
  if (done_) return;
  problems_.push_back(Diagnostic{file_name_, line, column, std::move(message)});
  if (++problem_count_ >= options_.max_problems) {
    problems_.push_back(Diagnostic{file_name_, line, 0, "too many problems; stopped reading"});
    done_ = true;
  }
}

void CsvTokenizer::FailAtLine(std::string message) { Fail(line_, 0, std::move(message)); }

void CsvTokenizer::Fail(int line, int column, std::string message) {
  Report(line, column, std::move(message));
  done_ = true;
}

}  // namespace ordo::ingest::internal
