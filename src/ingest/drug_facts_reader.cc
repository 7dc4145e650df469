#include "ingest/registry_readers.h"

#include <limits>
#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t {
  kFactId,
  kTopic,
  kStatement,
  kYear,
  kQuantity,
  kUnit,
  kSourceUrl,
  kNotes,
  kPlace,
};

std::vector<ColumnSpec> Columns() {
  return {{"fact_id"}, {"topic"},      {"statement"}, {"year"}, {"quantity"},
          {"unit"},    {"source_url"}, {"notes"},     {"place"}};
}

constexpr std::int64_t kMinYear = 1000;
constexpr std::int64_t kMaxYear = 9999;

// A quantity needs its unit and a unit needs its quantity.
void CheckUnit(CsvTable& table, const DrugFact& fact) {
  if (fact.quantity.has_value() && fact.unit.empty()) {
    table.Report(kUnit, "missing value (the quantity needs a unit)");
  }
  if (!fact.quantity.has_value() && !fact.unit.empty() && table.View(kQuantity).empty()) {
    table.Report(kUnit, "'" + fact.unit + "' is given without a quantity");
  }
}

}  // namespace

ReadOutcome<DrugFact> ReadDrugFacts(std::istream& in, std::string_view file_name) {
  ReadOutcome<DrugFact> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // fact_id -> line
  while (table.NextRow()) {
    DrugFact fact;
    fact.fact_id = table.RequiredText(kFactId);
    table.CheckUnique(kFactId, fact.fact_id, first_lines);
    fact.topic = table.RequiredText(kTopic);
    fact.statement = table.RequiredText(kStatement);
    if (auto year = table.Integer(kYear, FieldNeed::kOptional, kMinYear, kMaxYear)) {
      fact.year = static_cast<int>(*year);
    }
    fact.quantity =
        table.Number(kQuantity, FieldNeed::kOptional, 0, std::numeric_limits<double>::max());
    fact.unit = table.Text(kUnit);
    CheckUnit(table, fact);
    fact.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    fact.notes = table.Text(kNotes);
    fact.place = table.Text(kPlace);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(fact));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<DrugFact> ReadDrugFacts(const std::string& path) {
  return internal::ReadInputFile<DrugFact>(
      path, [&](std::istream& in) { return ReadDrugFacts(in, path); });
}

}  // namespace ordo::ingest
