#pragma once
// SeizureStoreTest: a test fixture with a memory registry that knows Kyrgyzstan and an empty
// memory seizure store over it, the starting point of the seizure analytics tests.

#include <gtest/gtest.h>

#include "core/country.h"
#include "storage/memory/memory_seizure_store.h"
#include "storage/memory/memory_store.h"

namespace ordo::analytics::testing {

class SeizureStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Country kyrgyzstan;
    kyrgyzstan.iso3 = CountryCode::Parse("KGZ").value();
    storage::RegistryBatch batch;
    batch.countries.push_back(kyrgyzstan);
    ASSERT_TRUE(registry_.Write(batch).has_value());
  }

  storage::MemoryStore registry_;
  storage::MemorySeizureStore seizures_{registry_};
};

}  // namespace ordo::analytics::testing
