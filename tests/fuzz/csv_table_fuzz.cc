// Fuzz target: CsvTable, the header mapping and typed field parsers every CSV reader is built on.
// The header may name five columns (text, date, integer, number, country, url); each row is read
// through every typed parser and checked for duplicates.
// Built with libFuzzer by scripts/fuzz.sh; replayed on tests/fuzz/corpus/csv_table and
// crashes/csv_table by ctest.

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "fuzz_countries.h"
#include "ingest/csv_table.h"

namespace {

enum Column : std::size_t { kName, kDate, kCount, kAmount, kCountry, kUrl };

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ordo::ingest::ColumnPresence;
  using ordo::ingest::FieldNeed;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<ordo::ingest::Diagnostic> problems;
  ordo::ingest::CsvTable table(in, "fuzz.csv",
                               {{"name"},
                                {"date", ColumnPresence::kOptional},
                                {"count", ColumnPresence::kOptional},
                                {"amount", ColumnPresence::kOptional},
                                {"country_iso3", ColumnPresence::kOptional},
                                {"url", ColumnPresence::kOptional}},
                               problems);
  std::map<std::string, int> first_lines;
  int last_line = 0;
  while (table.NextRow()) {
    ordo::fuzz::Require(table.Line() > last_line, "rows out of line order");
    last_line = table.Line();
    const std::string name = table.RequiredText(kName);
    const auto date = table.Date(kDate, FieldNeed::kOptional);
    const auto count = table.Integer(kCount, FieldNeed::kOptional, -1000, 1000);
    const auto amount = table.Number(kAmount, FieldNeed::kOptional, 0.0, 1e12);
    if (table.HasColumn(kCountry)) table.Country(kCountry, ordo::fuzz::KnownCountries());
    table.Url(kUrl, FieldNeed::kOptional);
    table.CheckUnique(kName, name, first_lines);
    if (count) ordo::fuzz::Require(*count >= -1000 && *count <= 1000, "integer out of its range");
    if (amount) ordo::fuzz::Require(*amount >= 0.0 && *amount <= 1e12, "number out of its range");
    if (date) {
      ordo::fuzz::Require(date->FirstDay() <= date->LastDay(), "a date that ends before it starts");
    }
  }
  ordo::fuzz::CheckProblems(problems);
  return 0;
}
