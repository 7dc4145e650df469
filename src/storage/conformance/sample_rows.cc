#include "storage/conformance/sample_rows.h"

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace ordo::storage::conformance {
namespace {

std::string Optional(const std::optional<PartialDate>& date) {
  return date ? date->ToString() : "null";
}

template <typename Number>
std::string Optional(const std::optional<Number>& number) {
  return number ? fmt::format("{}", *number) : "null";
}

}  // namespace

CountryCode Code(std::string_view iso3) {
  Result<CountryCode> code = CountryCode::Parse(iso3);
  ORDO_ASSERT(code.has_value(), "test uses an invalid country code");
  return *code;
}

PartialDate Date(std::string_view text) {
  Result<PartialDate> date = PartialDate::Parse(text);
  ORDO_ASSERT(date.has_value(), "test uses an invalid date");
  return *date;
}

Country SampleCountry(std::string_view iso3) {
  Country country;
  std::string code(iso3);
  country.iso3 = Code(iso3);
  country.iso2 = code.substr(0, 2);
  country.numeric = fmt::format("{}", code[0] * 3);
  country.name_en = "Name of " + code;
  country.official_name_en = "Republic of " + code;
  country.common_name_en = "Common " + code;
  country.name_ru = "Страна " + code;
  country.name_ky = "Өлкө " + code;
  country.name_ru_source = "iso-codes 4.15 ru catalog";
  country.name_ky_source = "https://ky.wikipedia.org/wiki/" + code;
  country.region = "Asia";
  country.subregion = "Central Asia " + code;
  country.intermediate_region = code == "KGZ" ? "" : "Intermediate " + code;
  country.un_member = code != "TUR";
  country.aliases = {"Former " + code, "Alias ё " + code};
  return country;
}

Relation SampleRelation(std::string_view iso3) {
  Relation relation;
  relation.iso3 = Code(iso3);
  relation.country_name_en = "Relation name " + std::string(iso3);
  relation.established = Date("1992-01-05");
  relation.source_url = "https://mfa.gov.kg/relations/" + std::string(iso3);
  relation.table_rank = static_cast<int>(iso3[0]);
  relation.notes = "notes for " + std::string(iso3);
  relation.table_cited_source_url = "https://cited.example/" + std::string(iso3);
  relation.wikitext_copy_url = "https://wikitext.example/" + std::string(iso3);
  return relation;
}

MissingRelation SampleMissingRelation(std::string_view iso3) {
  MissingRelation missing;
  missing.iso3 = Code(iso3);
  missing.country_name_en = "Missing " + std::string(iso3);
  missing.status = "not yet (24.kg, 2021)";
  missing.as_of = Date("2021-06");
  missing.basis = "derived (UN members minus table)";
  missing.later_established = Date("2023");
  missing.source_url = "https://24.kg/" + std::string(iso3);
  missing.notes = "missing notes " + std::string(iso3);
  return missing;
}

Membership SampleMembership(std::string_view org_acronym) {
  Membership membership;
  membership.org_acronym = std::string(org_acronym);
  membership.org_name = "Organization " + std::string(org_acronym);
  membership.joined = Date("1992-03-02");
  membership.role = "founding member";
  membership.source_url = "https://org.example/" + std::string(org_acronym);
  membership.notes = "membership notes";
  return membership;
}

OrganizationMember SampleOrganizationMember(std::string_view org_acronym, std::string_view iso3) {
  OrganizationMember member;
  member.org_acronym = std::string(org_acronym);
  member.iso3 = Code(iso3);
  member.role = "observer";
  member.source_url = fmt::format("https://org.example/{}/{}", org_acronym, iso3);
  member.notes = "member notes";
  return member;
}

TradeBlocMember SampleTradeBlocMember(std::string_view bloc_id, std::string_view iso3) {
  TradeBlocMember member;
  member.bloc_id = std::string(bloc_id);
  member.bloc_name = "Bloc " + std::string(bloc_id);
  member.iso3 = Code(iso3);
  member.source_url = fmt::format("https://blocs.example/{}/{}", bloc_id, iso3);
  member.notes = "bloc notes";
  return member;
}

TradeFlow SampleTradeFlow(std::string_view partner, int year) {
  TradeFlow flow;
  flow.partner = Code(partner);
  flow.year = year;
  flow.direction = TradeDirection::kExport;
  flow.value_usd = 3'100'000'000LL + year;
  flow.bound = ValueBound::kLowerBound;
  flow.period = "Jan-Sep";
  flow.reporter = "National Statistical Committee";
  flow.source_url = fmt::format("https://stat.kg/trade/{}/{}", partner, year);
  flow.notes = "trade notes";
  return flow;
}

DrugFact SampleDrugFact(std::string_view fact_id) {
  DrugFact fact;
  fact.fact_id = std::string(fact_id);
  fact.topic = "seizure";
  fact.statement = "Seizure statement " + std::string(fact_id);
  fact.year = 2019;
  fact.quantity = 1234.567;
  fact.unit = "kg";
  fact.source_url = "https://unodc.example/" + std::string(fact_id);
  fact.notes = "drug fact notes";
  fact.place = "Osh";
  return fact;
}

Place SamplePlace(std::string_view name, std::string_view country) {
  Place place;
  place.name = std::string(name);
  place.kind = "city";
  if (!country.empty()) place.country = Code(country);
  place.lat = 40.5283;
  place.lon = 72.7985;
  place.source_url = "https://places.example/" + std::string(name);
  place.notes = "place notes";
  return place;
}

RegistryBatch SampleBatch() {
  RegistryBatch batch;
  batch.countries = {SampleCountry("TUR"), SampleCountry("KGZ"), SampleCountry("CHN")};
  batch.countries[1].land_neighbours = {Code("CHN")};  // a country later in the batch
  batch.countries[2].land_neighbours = {Code("KGZ")};
  batch.relations = {SampleRelation("TUR"), SampleRelation("CHN")};
  batch.missing_relations = {SampleMissingRelation("KGZ"), SampleMissingRelation("CHN")};
  batch.memberships = {SampleMembership("SCO"), SampleMembership("CSTO")};
  batch.organization_members = {SampleOrganizationMember("SCO", "CHN"),
                                SampleOrganizationMember("CSTO", "KGZ")};
  batch.trade_bloc_members = {SampleTradeBlocMember("turkey", "TUR"),
                              SampleTradeBlocMember("china", "CHN")};
  batch.trade_flows = {SampleTradeFlow("TUR", 2022), SampleTradeFlow("CHN", 2021)};
  batch.drug_facts = {SampleDrugFact("D002"), SampleDrugFact("D001")};
  batch.places = {SamplePlace("Osh", "KGZ"), SamplePlace("Kashgar", "CHN")};
  return batch;
}

std::string Describe(const Country& row) {
  std::vector<std::string> neighbours;
  for (const CountryCode& code : row.land_neighbours) neighbours.push_back(code.str());
  return fmt::format(
      "Country{{iso3={} iso2={} numeric={} name_en={} official={} common={} ru={} ky={} "
      "ru_source={} ky_source={} region={} subregion={} intermediate={} un_member={} "
      "aliases=[{}] land_neighbours=[{}]}}",
      row.iso3.str(), row.iso2, row.numeric, row.name_en, row.official_name_en, row.common_name_en,
      row.name_ru, row.name_ky, row.name_ru_source, row.name_ky_source, row.region, row.subregion,
      row.intermediate_region, row.un_member, fmt::join(row.aliases, "|"),
      fmt::join(neighbours, "|"));
}

std::string Describe(const Relation& row) {
  return fmt::format(
      "Relation{{iso3={} name={} established={} source_url={} rank={} notes={} cited={} "
      "wikitext={}}}",
      row.iso3.str(), row.country_name_en, Optional(row.established), row.source_url,
      Optional(row.table_rank), row.notes, row.table_cited_source_url, row.wikitext_copy_url);
}

std::string Describe(const MissingRelation& row) {
  return fmt::format(
      "MissingRelation{{iso3={} name={} status={} as_of={} basis={} later={} source_url={} "
      "notes={}}}",
      row.iso3.str(), row.country_name_en, row.status, Optional(row.as_of), row.basis,
      Optional(row.later_established), row.source_url, row.notes);
}

std::string Describe(const Membership& row) {
  return fmt::format("Membership{{org={} name={} joined={} role={} source_url={} notes={}}}",
                     row.org_acronym, row.org_name, Optional(row.joined), row.role, row.source_url,
                     row.notes);
}

std::string Describe(const OrganizationMember& row) {
  return fmt::format("OrganizationMember{{org={} iso3={} role={} source_url={} notes={}}}",
                     row.org_acronym, row.iso3.str(), row.role, row.source_url, row.notes);
}

std::string Describe(const TradeBlocMember& row) {
  return fmt::format("TradeBlocMember{{bloc={} name={} iso3={} source_url={} notes={}}}",
                     row.bloc_id, row.bloc_name, row.iso3.str(), row.source_url, row.notes);
}

std::string Describe(const TradeFlow& row) {
  return fmt::format(
      "TradeFlow{{partner={} year={} direction={} value_usd={} bound={} period={} reporter={} "
      "source_url={} notes={}}}",
      row.partner.str(), row.year, TradeDirectionName(row.direction), Optional(row.value_usd),
      ValueBoundName(row.bound), row.period, row.reporter, row.source_url, row.notes);
}

std::string Describe(const DrugFact& row) {
  return fmt::format(
      "DrugFact{{id={} topic={} statement={} year={} quantity={} unit={} source_url={} notes={} "
      "place={}}}",
      row.fact_id, row.topic, row.statement, Optional(row.year), Optional(row.quantity), row.unit,
      row.source_url, row.notes, row.place);
}

std::string Describe(const Place& row) {
  return fmt::format("Place{{name={} kind={} country={} lat={} lon={} source_url={} notes={}}}",
                     row.name, row.kind, row.country.str(), Optional(row.lat), Optional(row.lon),
                     row.source_url, row.notes);
}

std::string Describe(const RegistryCounts& counts) {
  return fmt::format(
      "countries={} relations={} missing_relations={} memberships={} organization_members={} "
      "trade_bloc_members={} trade_flows={} drug_facts={} places={}",
      counts.countries, counts.relations, counts.missing_relations, counts.memberships,
      counts.organization_members, counts.trade_bloc_members, counts.trade_flows,
      counts.drug_facts, counts.places);
}

std::string Describe(const RegistryBatch& batch) {
  std::string text;
  auto append = [&text](const auto& rows) {
    for (const auto& row : rows) text += Describe(row) + "\n";
  };
  append(batch.countries);
  append(batch.relations);
  append(batch.missing_relations);
  append(batch.memberships);
  append(batch.organization_members);
  append(batch.trade_bloc_members);
  append(batch.trade_flows);
  append(batch.drug_facts);
  append(batch.places);
  return text;
}

RegistryCounts CountsOf(const RegistryBatch& batch) {
  RegistryCounts counts;
  counts.countries = batch.countries.size();
  counts.relations = batch.relations.size();
  counts.missing_relations = batch.missing_relations.size();
  counts.memberships = batch.memberships.size();
  counts.organization_members = batch.organization_members.size();
  counts.trade_bloc_members = batch.trade_bloc_members.size();
  counts.trade_flows = batch.trade_flows.size();
  counts.drug_facts = batch.drug_facts.size();
  counts.places = batch.places.size();
  return counts;
}

std::string Outcome(const Status& status) {
  return status.has_value() ? "ok" : status.error().ToString();
}

}  // namespace ordo::storage::conformance
