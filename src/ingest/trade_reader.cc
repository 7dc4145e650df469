#include "ingest/registry_readers.h"

#include <cstdint>
#include <limits>
#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t {
  kPartner,
  kYear,
  kFlow,
  kValueUsd,
  kSourceUrl,
  kNotes,
  kPeriod,
  kReporter,
  kBound,
};

std::vector<ColumnSpec> Columns() {
  return {{"partner_iso3"}, {"year"},       {"flow"},
          {"value_usd"},    {"source_url"}, {"notes"},
          {"period"},       {"reporter"},   {"bound", ColumnPresence::kOptional}};
}

constexpr std::int64_t kMinYear = 1000;
constexpr std::int64_t kMaxYear = 9999;

bool MentionsLowerBound(std::string_view notes) {
  std::string lowered(notes);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered.find("lower bound") != std::string::npos;
}

// An explicit bound column wins; an empty or absent one falls back to the notes.
ValueBound ReadBound(CsvTable& table) {
  const std::string_view bound = table.View(kBound);
  if (bound == "exact") return ValueBound::kExact;
  if (bound == "lower_bound") return ValueBound::kLowerBound;
  if (!bound.empty()) {
    table.Report(kBound,
                 "unknown bound '" + std::string(bound) + "' (expected exact or lower_bound)");
    return ValueBound::kExact;
  }
  return MentionsLowerBound(table.View(kNotes)) ? ValueBound::kLowerBound : ValueBound::kExact;
}

}  // namespace

ReadOutcome<TradeFlow> ReadTradeFlows(std::istream& in, std::string_view file_name,
                                      const KnownCountries& known) {
  ReadOutcome<TradeFlow> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // key -> line
  while (table.NextRow()) {
    TradeFlow flow;
    if (std::optional<CountryCode> code = table.Country(kPartner, known)) {
      flow.partner = std::move(*code);
    }
    if (auto year = table.Integer(kYear, FieldNeed::kRequired, kMinYear, kMaxYear)) {
      flow.year = static_cast<int>(*year);
    }
    const std::string direction = table.RequiredText(kFlow);
    if (!direction.empty()) {
      Result<TradeDirection> parsed = ParseTradeDirection(direction);
      if (parsed.has_value()) {
        flow.direction = *parsed;
      } else {
        table.Report(kFlow, parsed.error().message());
      }
    }
    // An empty value means the source gives no USD figure, which is not zero.
    flow.value_usd =
        table.Integer(kValueUsd, FieldNeed::kOptional, 0, std::numeric_limits<std::int64_t>::max());
    flow.bound = ReadBound(table);
    flow.period = table.RequiredText(kPeriod);
    flow.reporter = table.Text(kReporter);
    flow.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    flow.notes = table.Text(kNotes);
    if (!table.RowOk()) continue;
    // The store's key (docs/formats.md): the same figure twice in one file is reported here, at
    // its line, instead of failing the whole write later without a position.
    const std::string shown = flow.partner.str() + " " + std::to_string(flow.year) + " " +
                              std::string(TradeDirectionName(flow.direction)) + " (" + flow.period + ", " + flow.reporter + ", " +
                              flow.source_url + ")";
    table.CheckUnique(kPartner, shown, first_lines);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(flow));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<TradeFlow> ReadTradeFlows(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<TradeFlow>(
      path, [&](std::istream& in) { return ReadTradeFlows(in, path, known); });
}

}  // namespace ordo::ingest
