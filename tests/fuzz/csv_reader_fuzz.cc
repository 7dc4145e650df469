// Fuzz target: the streaming RFC 4180 reader (CsvReader), twice: with its default options and with
// a 3-byte chunk and small limits, so records and UTF-8 sequences straddle chunk boundaries and
// the field-length and field-count limits are reached. Both reads must agree on what they return.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/csv_reader and
// crashes/csv_reader by ctest.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/csv_reader.h"

namespace {

std::vector<ordo::ingest::CsvRecord> ReadAll(const std::string& bytes,
                                             const ordo::ingest::CsvReaderOptions& options) {
  std::istringstream in(bytes);
  ordo::ingest::CsvReader reader(in, "fuzz.csv", options);
  std::vector<ordo::ingest::CsvRecord> records;
  ordo::ingest::CsvRecord record;
  int last_line = 0;
  while (reader.Next(record)) {
    ordo::fuzz::Require(record.line > last_line, "records out of line order");
    ordo::fuzz::Require(!record.fields.empty(), "a record without fields");
    for (const ordo::ingest::CsvField& field : record.fields) {
      ordo::fuzz::Require(ordo::fuzz::IsValidUtf8(field.value), "a field that is not UTF-8");
      ordo::fuzz::Require(field.line >= record.line && field.column >= 1, "a field position");
    }
    ordo::fuzz::Require(records.empty() || record.fields.size() == records.front().fields.size(),
                        "a record whose width differs from the header");
    last_line = record.line;
    records.push_back(record);
  }
  ordo::fuzz::CheckProblems(reader.Problems());
  ordo::fuzz::Require(reader.Problems().size() <= options.max_problems + 1, "too many problems");
  return records;
}

bool SameRecords(const std::vector<ordo::ingest::CsvRecord>& a,
                 const std::vector<ordo::ingest::CsvRecord>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].line != b[i].line || a[i].fields.size() != b[i].fields.size()) return false;
    for (std::size_t f = 0; f < a[i].fields.size(); ++f) {
      const auto& x = a[i].fields[f];
      const auto& y = b[i].fields[f];
      if (x.value != y.value || x.line != y.line || x.column != y.column) return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto whole = ReadAll(bytes, {});
  ordo::ingest::CsvReaderOptions small;
  small.chunk_size = 3;
  small.max_field_bytes = 64;
  small.max_record_fields = 16;
  small.max_problems = 8;
  const auto chunked = ReadAll(bytes, small);
  // The limits can only cut the chunked read short; what it returns must be a prefix of the other
  // when no limit was reached. Compare only when both saw the same, small input.
  if (size <= 64) {
    ordo::fuzz::Require(chunked.size() <= whole.size(), "chunked read returned more records");
  }
  ordo::ingest::CsvReaderOptions tiny_chunks;
  tiny_chunks.chunk_size = 1;
  ordo::fuzz::Require(SameRecords(whole, ReadAll(bytes, tiny_chunks)),
                      "1-byte chunks read differently from the default chunk");
  return 0;
}
