#include "analytics/registry_import.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "ingest/registry_readers.h"

namespace ordo::analytics {
namespace {

// Reports rows whose key is already stored. `key_of` maps a row to its key text.
template <typename Row, typename KeyOf>
void RejectStoredKeys(const ingest::ReadOutcome<Row>& outcome, const std::set<std::string>& stored,
                      const std::string& path, std::string_view what, KeyOf key_of,
                      std::vector<ingest::Diagnostic>& problems) {
  for (std::size_t i = 0; i < outcome.rows.size(); ++i) {
    const std::string key = key_of(outcome.rows[i]);
    if (stored.count(key) > 0) {
      problems.push_back({path, outcome.row_lines[i], 0,
                          std::string(what) + " " + key + " is already in the database"});
    }
  }
}

template <typename Row, typename KeyOf>
std::set<std::string> KeysOf(const std::vector<Row>& rows, KeyOf key_of) {
  std::set<std::string> keys;
  for (const Row& row : rows) keys.insert(key_of(row));
  return keys;
}

std::string TradeKey(const TradeFlow& flow) {
  return flow.partner.str() + " " + std::to_string(flow.year) + " " +
         std::string(TradeDirectionName(flow.direction)) + " (" + flow.period + ", " +
         flow.reporter + ", " + flow.source_url + ")";
}

// Reads with `read`, rejects keys already stored, and moves the rows into `rows`.
template <typename Row, typename Read, typename KeyOf>
void Stage(Read read, const std::vector<Row>& stored_rows, const std::string& path,
             std::string_view what, KeyOf key_of, std::vector<Row>& rows, ImportOutcome& outcome) {
  ingest::ReadOutcome<Row> read_outcome = read();
  outcome.problems = read_outcome.problems;
  RejectStoredKeys(read_outcome, KeysOf(stored_rows, key_of), path, what, key_of, outcome.problems);
  rows = std::move(read_outcome.rows);
}

}  // namespace

Result<ImportKind> ParseImportKind(std::string_view text) {
  if (text == "relations") return ImportKind::kRelations;
  if (text == "memberships") return ImportKind::kMemberships;
  if (text == "trade") return ImportKind::kTrade;
  if (text == "facts") return ImportKind::kFacts;
  if (text == "places") return ImportKind::kPlaces;
  return InvalidArgument("unknown import kind '" + std::string(text) +
                         "' (expected relations, memberships, trade, facts or places)");
}

Result<ImportOutcome> ImportRegistryFile(storage::RegistryStore& store, ImportKind kind,
                                         const std::string& path) {
  ORDO_TRY(countries, store.ListCountries());
  if (countries.empty()) {
    return FailedPrecondition("the database holds no reference data; create it with `ordo init`");
  }
  ingest::KnownCountries known;
  for (const Country& country : countries) known.insert(country.iso3);

  ImportOutcome outcome;
  storage::RegistryBatch batch;
  switch (kind) {
    case ImportKind::kRelations: {
      ORDO_TRY(stored, store.ListRelations());
      Stage<Relation>(
          [&] { return ingest::ReadRelations(path, known); }, stored, path, "a relation with",
          [](const Relation& row) { return row.iso3.str(); }, batch.relations, outcome);
      break;
    }
    case ImportKind::kMemberships: {
      ORDO_TRY(stored, store.ListMemberships());
      Stage<Membership>(
          [&] { return ingest::ReadMemberships(path); }, stored, path, "a membership of",
          [](const Membership& row) { return row.org_acronym; }, batch.memberships, outcome);
      break;
    }
    case ImportKind::kTrade: {
      ORDO_TRY(stored, store.ListTradeFlows());
      Stage<TradeFlow>(
          [&] { return ingest::ReadTradeFlows(path, known); }, stored, path, "the trade figure",
          TradeKey, batch.trade_flows, outcome);
      break;
    }
    case ImportKind::kFacts: {
      ORDO_TRY(stored, store.ListDrugFacts());
      Stage<DrugFact>(
          [&] { return ingest::ReadDrugFacts(path); }, stored, path, "fact_id",
          [](const DrugFact& row) { return row.fact_id; }, batch.drug_facts, outcome);
      break;
    }
    case ImportKind::kPlaces: {
      ORDO_TRY(stored, store.ListPlaces());
      Stage<Place>(
          [&] { return ingest::ReadPlaces(path, known); }, stored, path, "the place",
          [](const Place& row) { return row.name; }, batch.places, outcome);
      break;
    }
  }
  if (!outcome.problems.empty()) {
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const ingest::Diagnostic& a, const ingest::Diagnostic& b) {
                       return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    return outcome;
  }
  ORDO_RETURN_IF_ERROR(store.Write(batch));
  outcome.rows_written = batch.size();
  return outcome;
}

}  // namespace ordo::analytics
