#include "ingest/registry_readers.h"

#include <map>
#include <utility>

#include "ingest/csv_table.h"
#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

enum Column : std::size_t { kOrgAcronym, kIso3, kRole, kSourceUrl, kNotes };

std::vector<ColumnSpec> Columns() {
  return {{"org_acronym"}, {"iso3"}, {"role"}, {"source_url"}, {"notes"}};
}

}  // namespace

ReadOutcome<OrganizationMember> ReadOrganizationMembers(std::istream& in,
                                                        std::string_view file_name,
                                                        const KnownCountries& known) {
  ReadOutcome<OrganizationMember> outcome;
  CsvTable table(in, file_name, Columns(), outcome.problems);
  std::map<std::string, int> first_lines;  // org_acronym + iso3 -> line
  while (table.NextRow()) {
    OrganizationMember member;
    member.org_acronym = table.RequiredText(kOrgAcronym);
    if (std::optional<CountryCode> code = table.Country(kIso3, known)) {
      member.iso3 = std::move(*code);
      if (!member.org_acronym.empty()) {
        table.CheckUnique(kIso3, member.org_acronym + '\n' + member.iso3.str(), first_lines,
                          member.iso3.str() + " in " + member.org_acronym);
      }
    }
    member.role = table.RequiredText(kRole);
    member.source_url = table.Url(kSourceUrl, FieldNeed::kRequired);
    member.notes = table.Text(kNotes);
    if (!table.RowOk()) continue;
    outcome.rows.push_back(std::move(member));
    outcome.row_lines.push_back(table.Line());
  }
  return outcome;
}

ReadOutcome<OrganizationMember> ReadOrganizationMembers(const std::string& path,
                                                        const KnownCountries& known) {
  return internal::ReadInputFile<OrganizationMember>(
      path, [&](std::istream& in) { return ReadOrganizationMembers(in, path, known); });
}

}  // namespace ordo::ingest
