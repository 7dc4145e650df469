#include "ingest/registry_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kOrgAcronym, kOrgName, kDateJoined, kRole, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() {
  return {{"org_acronym"}, {"org_name"}, {"date_joined"}, {"role"}, {"source_url"}, {"notes"}};
}

}  // namespace

ReadOutcome<Membership> ReadMemberships(std::istream& in, std::string_view file_name) {
  ReadOutcome<Membership> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // org_acronym -> line
  while (table.NextRow()) {
    Membership membership;
    membership.org_acronym = table.RequiredText(kOrgAcronym);
    table.CheckUnique(kOrgAcronym, membership.org_acronym, first_lines);
    membership.org_name = table.RequiredText(kOrgName);
    membership.joined = table.Date(kDateJoined, FieldNeed::kOptional);
    membership.role = table.RequiredText(kRole);
    membership.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    membership.notes = table.Text(kNotes);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(membership));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<Membership> ReadMemberships(const std::string& path) {
  return internal::ReadInputFile<Membership>(
      path, [&](std::istream& in) { return ReadMemberships(in, path); });
}

}  // namespace ordo::ingest
