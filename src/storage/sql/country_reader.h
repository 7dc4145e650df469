#pragma once
// Reads the countries back with their aliases and land neighbours.
// Shared by the SQLite and PostgreSQL stores: a template over either backend's handle
// (storage/sql/sql_dialect.h).

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/country.h"
#include "core/result.h"
#include "storage/sql/row_decoding.h"
#include "storage/sql/sql_dialect.h"

namespace ordo::storage::sql {

// Reads (country_id, value) rows of `sql` in id order and hands each value, with the country it
// belongs to, to `append` (Status(Country&, const Statement&)).
template <typename Append, typename Connection>
Status ReadCountryLists(Connection& connection, std::string_view sql, std::string_view table,
                        std::vector<Country>& countries,
                        const std::unordered_map<std::int64_t, std::size_t>& index_of_id,
                        Append append) {
  ORDO_TRY(statement, connection.Prepare(sql));
  while (true) {
    ORDO_TRY(has_row, statement.Step());
    if (!has_row) return OkStatus();
    auto found = index_of_id.find(statement.ColumnInt(0));
    if (found == index_of_id.end()) {
      return FailedPrecondition(fmt::format("{} holds a row of no stored country", table));
    }
    ORDO_RETURN_IF_ERROR(append(countries[found->second], statement));
  }
}

template <typename Connection>
Status ReadAliasesAndNeighbours(Connection& connection, std::vector<Country>& countries,
                                const std::vector<std::int64_t>& country_ids) {
  std::unordered_map<std::int64_t, std::size_t> index_of_id;
  for (std::size_t index = 0; index < country_ids.size(); ++index) {
    index_of_id[country_ids[index]] = index;
  }
  ORDO_RETURN_IF_ERROR(ReadCountryLists(
      connection, "SELECT country_id, alias FROM country_aliases ORDER BY id", "country_aliases",
      countries, index_of_id, [](Country& country, const auto& row) -> Status {
        country.aliases.push_back(row.ColumnText(1));
        return OkStatus();
      }));
  return ReadCountryLists(connection,
                          "SELECT country_id, neighbour FROM country_neighbours ORDER BY id",
                          "country_neighbours", countries, index_of_id,
                          [](Country& country, const auto& row) -> Status {
                            ORDO_TRY(neighbour, ReadCode(row, 1, "country_neighbours"));
                            country.land_neighbours.push_back(neighbour);
                            return OkStatus();
                          });
}

// Every country ordered by id (write order), each with its aliases and land_neighbours in their
// written order. A stored code that no longer parses, or an alias or neighbour row of no stored
// country, gives kFailedPrecondition naming the table; server failures as the backend maps them.
template <typename Connection>
Result<std::vector<Country>> ReadCountries(Connection& connection) {
  std::vector<std::int64_t> country_ids;
  ORDO_TRY(countries,
           ReadAll<Country>(
               connection,
               "SELECT id, iso3, iso2, numeric_code, name_en, official_name_en, common_name_en, "
               "name_ru, name_ky, name_ru_source, name_ky_source, region, subregion, "
               "intermediate_region, un_member FROM countries ORDER BY id",
               [&](const auto& row) -> Result<Country> {
                 Country country;
                 country_ids.push_back(row.ColumnInt(0));
                 ORDO_TRY(iso3, ReadCode(row, 1, "countries"));
                 country.iso3 = iso3;
                 std::string* texts[] = {&country.iso2,           &country.numeric,
                                         &country.name_en,        &country.official_name_en,
                                         &country.common_name_en, &country.name_ru,
                                         &country.name_ky,        &country.name_ru_source,
                                         &country.name_ky_source, &country.region,
                                         &country.subregion,      &country.intermediate_region};
                 int column = 2;
                 for (std::string* text : texts) *text = row.ColumnText(column++);
                 country.un_member = row.ColumnInt(column) != 0;
                 return country;
               }));
  ORDO_RETURN_IF_ERROR(ReadAliasesAndNeighbours(connection, countries, country_ids));
  return countries;
}

}  // namespace ordo::storage::sql
