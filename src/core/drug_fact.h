#pragma once
// DrugFact: one sourced statement about the illegal drug trade (a row of data/drug_facts.csv).
// Seizure totals from different agencies and periods are separate facts, never one series.

#include <optional>
#include <string>

namespace ordo {

struct DrugFact {
  std::string fact_id;  // "D001"
  std::string topic;    // cultivation, eradication, transit, seizure, institution, cooperation...
  std::string statement;
  std::optional<int> year;
  std::optional<double> quantity;
  std::string unit;   // kg, t, ha, USD, percent; empty with no quantity
  std::string source_url;
  std::string notes;
  std::string place;  // a Place name, or empty
};

}  // namespace ordo
