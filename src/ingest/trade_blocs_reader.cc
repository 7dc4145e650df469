#include "ingest/reference_readers.h"

#include <map>
#include <string>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kBlocId, kBlocName, kIso3, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() {
  return {{"bloc_id"}, {"bloc_name"}, {"iso3"}, {"source_url"}, {"notes"}};
}

bool IsBlocId(std::string_view text) {
  if (text.empty() || text.front() < 'a' || text.front() > 'z') return false;
  for (char c : text) {
    if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_') return false;
  }
  return true;
}

// The bloc id, or "" after reporting one that is missing or malformed.
std::string ReadBlocId(CsvTable& table) {
  std::string id = table.RequiredText(kBlocId);
  if (id.empty() || IsBlocId(id)) return id;
  table.Report(kBlocId,
               "'" + id + "' is not a bloc id (lower-case letters, digits and '_', from a letter)");
  return "";
}

// The name and line of each bloc's first row.
struct FirstBlocName {
  std::string name;
  int line;
};

}  // namespace

ReadOutcome<TradeBlocMember> ReadTradeBlocs(std::istream& in, std::string_view file_name,
                                            const KnownCountries& known) {
  ReadOutcome<TradeBlocMember> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // bloc_id + iso3 -> line
  std::map<std::string, FirstBlocName> bloc_names;
  while (table.NextRow()) {
    TradeBlocMember member;
    member.bloc_id = ReadBlocId(table);
    member.bloc_name = table.RequiredText(kBlocName);
    if (!member.bloc_id.empty() && !member.bloc_name.empty()) {
      auto [first, inserted] =
          bloc_names.try_emplace(member.bloc_id, FirstBlocName{member.bloc_name, table.Line()});
      if (!inserted && first->second.name != member.bloc_name) {
        table.Report(kBlocName, "'" + member.bloc_name + "' differs from '" + first->second.name +
                                    "' given for bloc " + member.bloc_id + " on line " +
                                    std::to_string(first->second.line));
      }
    }
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      member.iso3 = std::move(*code);
      if (!member.bloc_id.empty()) {
        table.CheckUnique(kIso3, member.bloc_id + '\n' + member.iso3.str(), first_lines,
                          member.iso3.str() + " in " + member.bloc_id);
      }
    }
    member.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    member.notes = table.Text(kNotes);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(member));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<TradeBlocMember> ReadTradeBlocs(const std::string& path, const KnownCountries& known) {
  return internal::ReadInputFile<TradeBlocMember>(
      path, [&](std::istream& in) { return ReadTradeBlocs(in, path, known); });
}

}  // namespace ordo::ingest
