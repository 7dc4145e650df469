#include "analytics/testing/test_registry.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "analytics/registry_seed.h"

namespace ordo::analytics::testing {

Country MakeCountry(const std::string& iso3, const std::string& name_en, const std::string& region,
                    const std::string& subregion) {
  Country country;
  country.iso3 = CountryCode::Parse(iso3).value();
  country.name_en = name_en;
  country.region = region;
  country.subregion = subregion;
  country.un_member = true;
  return country;
}

Relation MakeRelation(const std::string& iso3, const std::string& date) {
  Relation relation;
  relation.iso3 = CountryCode::Parse(iso3).value();
  if (!date.empty()) relation.established = PartialDate::Parse(date).value();
  relation.source_url = "https://example.org/" + iso3;
  return relation;
}

TradeFlow MakeTrade(const std::string& partner, int year, std::int64_t value,
                    const std::string& reporter, const std::string& period) {
  TradeFlow flow;
  flow.partner = CountryCode::Parse(partner).value();
  flow.year = year;
  flow.value_usd = value;
  flow.reporter = reporter;
  flow.period = period;
  flow.source_url = "https://example.org/trade/" + partner + "/" + reporter + "/" + period;
  return flow;
}

std::string DataDir() {
  const char* dir = std::getenv("ORDO_TEST_DATA_DIR");
  return dir != nullptr ? dir : "data";
}

ReferenceSources RealReferenceSources() {
  return {"/usr/share/iso-codes/json/iso_3166-1.json",
          "/usr/share/locale/ru/LC_MESSAGES/iso_3166-1.mo",
          "/usr/share/locale/ky/LC_MESSAGES/iso_3166-1.mo", DataDir() + "/reference"};
}

std::unique_ptr<storage::MemoryStore> SeededStore() {
  auto store = std::make_unique<storage::MemoryStore>();
  auto report = SeedRegistry(*store, DataDir(), RealReferenceSources());
  EXPECT_TRUE(report.has_value()) << report.error().ToString();
  if (report.has_value()) {
    for (const ingest::Diagnostic& problem : report->problems) ADD_FAILURE() << problem.ToString();
  }
  return store;
}

}  // namespace ordo::analytics::testing
