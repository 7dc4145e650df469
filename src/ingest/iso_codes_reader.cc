#include "ingest/reference_readers.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "ingest/internal/input_file.h"

namespace ordo::ingest {
namespace {

using Json = nlohmann::json;

// The string member `key` of `entry`, or "" when it is absent or not a string.
std::string StringMember(const Json& entry, const char* key) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// "what 'text'".
std::string Quoted(std::string_view what, std::string_view text) {
  std::string quoted(what);
  quoted += " '";
  quoted += text;
  quoted += "'";
  return quoted;
}

bool IsAsciiUpper(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsDigits(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Validates one entry of the "3166-1" array; returns the problem, or "" when it is fine.
std::string CheckEntry(const Country& country, const std::string& alpha_3) {
  if (!IsAsciiUpper(alpha_3, 3)) return "alpha_3 '" + alpha_3 + "' is not three capital letters";
  if (!IsAsciiUpper(country.iso2, 2)) {
    return "alpha_2 '" + country.iso2 + "' is not two capital letters";
  }
  if (!IsDigits(country.numeric, 3)) return "numeric '" + country.numeric + "' is not three digits";
  if (country.name_en.empty()) return "missing name";
  return {};
}

void ReadEntries(const Json& root, std::string_view file_name, ReadOutcome<Country>& outcome) {
  const auto file = std::string(file_name);
  const auto list = root.is_object() ? root.find("3166-1") : root.end();
  if (!root.is_object() || list == root.end() || !list->is_array()) {
    outcome.problems.push_back(
        Diagnostic{file, 0, 0, "expected an object with a \"3166-1\" array"});
    return;
  }
  KnownCountries seen;
  std::size_t index = 0;
  for (const Json& entry : *list) {
    ++index;
    const std::string where = "entry " + std::to_string(index) + " of \"3166-1\": ";
    if (!entry.is_object()) {
      outcome.problems.push_back(Diagnostic{file, 0, 0, where + "not an object"});
      continue;
    }
    Country country;
    const std::string alpha_3 = StringMember(entry, "alpha_3");
    country.iso2 = StringMember(entry, "alpha_2");
    country.numeric = StringMember(entry, "numeric");
    country.name_en = StringMember(entry, "name");
    country.official_name_en = StringMember(entry, "official_name");
    country.common_name_en = StringMember(entry, "common_name");
    if (std::string problem = CheckEntry(country, alpha_3); !problem.empty()) {
      outcome.problems.push_back(Diagnostic{file, 0, 0, where + problem});
      continue;
    }
    country.iso3 = *CountryCode::Parse(alpha_3);
    if (!seen.insert(country.iso3).second) {
      outcome.problems.push_back(
          Diagnostic{file, 0, 0, where + Quoted("duplicate alpha_3", alpha_3)});
      continue;
    }
    outcome.rows.push_back(std::move(country));
    outcome.row_lines.push_back(0);
  }
}

}  // namespace

ReadOutcome<Country> ReadIsoCodesCountries(std::istream& in, std::string_view file_name) {
  ReadOutcome<Country> outcome;
  try {
    const Json root = Json::parse(in);
    ReadEntries(root, file_name, outcome);
  } catch (const Json::exception& error) {
    outcome.rows.clear();
    outcome.row_lines.clear();
    outcome.problems.push_back(
        Diagnostic{std::string(file_name), 0, 0, std::string("invalid JSON: ") + error.what()});
  }
  return outcome;
}

ReadOutcome<Country> ReadIsoCodesCountries(const std::string& json_path) {
  return internal::ReadInputFile<Country>(
      json_path, [&](std::istream& in) { return ReadIsoCodesCountries(in, json_path); });
}

KnownCountries KnownCountriesOf(const std::vector<Country>& countries) {
  KnownCountries known;
  for (const Country& country : countries) known.insert(country.iso3);
  return known;
}

}  // namespace ordo::ingest
