#pragma once
// Test helpers for analytics: small hand-made countries and facts, and the real bundled data
// (ORDO_TEST_DATA_DIR, set by ordo_add_test) seeded into a memory store.

#include <memory>
#include <string>

#include "analytics/reference_countries.h"
#include "core/country.h"
#include "core/relation.h"
#include "core/trade_flow.h"
#include "storage/memory/memory_store.h"

namespace ordo::analytics::testing {

Country MakeCountry(const std::string& iso3, const std::string& name_en,
                    const std::string& region = "Asia", const std::string& subregion = "Central Asia");
Relation MakeRelation(const std::string& iso3, const std::string& date);
TradeFlow MakeTrade(const std::string& partner, int year, std::int64_t value,
                    const std::string& reporter, const std::string& period = "full year");

// The bundled data directory and the Debian reference files.
std::string DataDir();
ReferenceSources RealReferenceSources();

// A memory store seeded from the real bundled data; fails the calling test on any problem.
std::unique_ptr<storage::MemoryStore> SeededStore();

}  // namespace ordo::analytics::testing
