#pragma once
// RouteTest: the seizure store fixture with the countries of the Northern Route stored, and a
// helper to write seizures with a reported route.

#include <string>
#include <vector>

#include "analytics/testing/seizure_store_fixture.h"
#include "core/seizure.h"

namespace ordo::analytics::testing {

class RouteTest : public SeizureStoreTest {
 protected:
  void SetUp() override {
    SeizureStoreTest::SetUp();
    storage::RegistryBatch batch;
    for (const char* code : {"AFG", "TJK", "KAZ", "RUS", "CHN", "UZB"}) {
      Country country;
      country.iso3 = CountryCode::Parse(code).value();
      batch.countries.push_back(country);
    }
    ASSERT_TRUE(registry_.Write(batch).has_value());
  }

  // A real heroin seizure in Kyrgyzstan on `date` with `kg` and the route `places`.
  static Seizure Routed(std::string id, std::string date, std::vector<std::string> places,
                        double kg, std::string case_id = "") {
    Seizure seizure;
    seizure.seizure_id = std::move(id);
    seizure.date = PartialDate::Parse(date).value();
    seizure.country = CountryCode::Parse("KGZ").value();
    seizure.drug = Drug::kHeroin;
    seizure.quantity = kg;
    seizure.quantity_kg = kg;
    seizure.route = std::move(places);
    seizure.case_id = std::move(case_id);
    seizure.source = "https://example.org/test";
    return seizure;
  }
};

}  // namespace ordo::analytics::testing
