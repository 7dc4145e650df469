#pragma once
// CsvReader: a streaming RFC 4180 reader for UTF-8 text. It reads an std::istream in chunks, yields
// one record at a time with the line and column where every field starts, and reports malformed
// input as Diagnostics with exact positions instead of failing on the first problem.

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.h"

namespace ordo::ingest {

struct CsvReaderOptions {
  // Bytes read from the stream at a time.
  std::size_t chunk_size = 64 * 1024;
  // A longer field is an unrecoverable problem; it bounds the memory one record can take.
  std::size_t max_field_bytes = 1024 * 1024;
  // A record with more fields is an unrecoverable problem.
  std::size_t max_record_fields = 10000;
  // After this many problems the reader adds "too many problems" and stops.
  std::size_t max_problems = 100;
};

struct CsvField {
  std::string value;  // unquoted, "" escapes resolved; always valid UTF-8
  int line = 0;       // 1-based line where the field starts (its opening quote, if quoted)
  int column = 0;     // 1-based, in Unicode characters
};

struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;  // the line on which the record starts
};

// Reads records from `in`. The first record is the header and fixes the number of fields every
// other record must have.
//
// Accepted input: an optional UTF-8 BOM (stripped; it does not count as a column), LF or CRLF line
// ends, quoted fields with "" escapes and embedded line breaks. Completely empty lines are skipped.
// Recoverable problems (reported, reading goes on): invalid UTF-8 (the value gets U+FFFD), a quote
// inside an unquoted field, characters after a closing quote, a carriage return without a line
// feed, a record with the wrong number of fields (reported and not returned). Unrecoverable
// problems (reported, then Next returns false): a NUL byte, a field longer than max_field_bytes, a
// quoted field still open at the end of input, a stream read error, too many problems, a UTF-16 or
// UTF-32 byte-order mark at the start, a carriage return without a line feed in the header (a file
// whose lines end in CR alone).
//
// Positions: a problem in a character is reported at that character (an invalid UTF-8 sequence at
// its first byte, an unterminated quoted field at its opening quote, a too long field at its
// start). A record with too many fields is reported at its first extra field, one with too few at
// its line end: "expected 8 fields as in the header, found 7".
//
// An empty input yields no records and no problems. Not thread-safe; `in` must outlive the reader.
class CsvReader {
 public:
  CsvReader(std::istream& in, std::string_view file_name, CsvReaderOptions options = {});

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next well-formed record into `record` (replacing its contents). Returns false at the
  // end of input or after an unrecoverable problem.
  bool Next(CsvRecord& record);

  // Every problem found so far, in input order.
  const std::vector<Diagnostic>& Problems() const;

  // Hands the problems found so far to the caller and forgets them.
  std::vector<Diagnostic> TakeProblems();

  const std::string& FileName() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ordo::ingest
