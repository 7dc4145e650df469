#pragma once
// SimulateCases: seeded synthetic investigations for link analysis (`ordo simulate --cases`):
// trafficking groups of organisers, couriers and a financier with their phones, vehicles, a front
// company and addresses; calls (dense inside a group, sparse across), trips along a real Northern
// Route corridor (the places and coordinates of data/reference/route_places.csv, through
// SimulationCorridors()), payments; brokers that bridge groups; and synthetic seizures of each
// group's consignments. Every entity, link and seizure is marked synthetic in the data itself
// (synthetic = true, source "ordo simulate --cases (synthetic, seed S)"). The groups are planted
// communities; the ground truth (each entity's group, role, and the groups a broker bridges) comes
// with the data. Every number of the model is an assumption for synthetic data, listed in
// docs/cli.md ("simulate --cases").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/entity.h"
#include "core/result.h"
#include "core/seizure.h"
#include "storage/link_store.h"

namespace ordo::analytics {

inline constexpr std::uint64_t kMaxSimulatedCases = 100'000;
inline constexpr std::uint64_t kMaxGroupsPerCase = 20;

struct CaseSimulationOptions {
  std::uint64_t cases = 0;            // investigations, 1 to kMaxSimulatedCases
  std::uint64_t groups_per_case = 2;  // trafficking groups each case investigates, 1 to 20
  std::uint64_t seed = 1;
  // Every id starts with this ("sim1-" for seed 1 when empty), so that runs with other seeds
  // can go into the same database.
  std::string id_prefix;
  int first_year = 2021;  // activity falls in [first_year, last_year]
  int last_year = 2024;
};

// The planted structure of one entity.
struct EntityTruth {
  std::string entity_id;
  std::string case_id;
  // The planted group ("sim1-c0001-g1"), or "" for entities of no group: brokers and the shared
  // route places.
  std::string group;
  // organiser, courier, financier, broker, phone, vehicle, company, address, seizure, place.
  std::string role;
  std::vector<std::string> bridges;  // the groups a broker links; empty for others
};

struct GroupTruth {
  std::string group;
  std::string case_id;
  std::string corridor;  // SimulationCorridors() id
  std::size_t members = 0;
};

struct SimulatedCases {
  storage::GraphBatch graph;       // entities and links, every one synthetic
  std::vector<Seizure> seizures;  // synthetic, each with its case_id
  std::vector<GroupTruth> groups;
  std::vector<EntityTruth> truth;  // one per entity, in graph.entities order
};

// kInvalidArgument for cases outside 1..kMaxSimulatedCases, groups_per_case outside 1..20, or
// first_year > last_year (or either outside 1900..2100).
Status ValidateCaseSimulationOptions(const CaseSimulationOptions& options);

// The same options give the same result, entity for entity and link for link (the generator uses
// only mt19937_64 and integer arithmetic for its choices). Errors: ValidateCaseSimulationOptions'.
Result<SimulatedCases> SimulateCases(const CaseSimulationOptions& options);

// The id prefix in use for `options` ("sim<seed>-" when options.id_prefix is empty).
std::string CaseIdPrefix(const CaseSimulationOptions& options);

}  // namespace ordo::analytics
