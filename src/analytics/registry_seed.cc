#include "analytics/registry_seed.h"

#include "ingest/reference_readers.h"
#include "ingest/registry_readers.h"

namespace ordo::analytics {
namespace {

template <typename Row>
void Take(ingest::ReadOutcome<Row>&& outcome, std::vector<Row>& rows,
          std::vector<ingest::Diagnostic>& problems) {
  problems.insert(problems.end(), outcome.problems.begin(), outcome.problems.end());
  rows = std::move(outcome.rows);
}

}  // namespace

Result<SeedReport> SeedRegistry(storage::RegistryStore& store, const std::string& data_dir,
                                const ReferenceSources& sources) {
  ORDO_TRY(counts, store.Counts());
  if (counts.countries > 0) return FailedPrecondition("the database already holds reference data");

  ORDO_TRY(reference, BuildReferenceCountries(sources));
  SeedReport report;
  report.name_gaps = reference.name_gaps;
  report.problems = reference.problems;

  ingest::KnownCountries known;
  for (const Country& country : reference.countries) known.insert(country.iso3);

  storage::RegistryBatch batch;
  batch.countries = std::move(reference.countries);
  const std::string& dir = data_dir;
  Take(ingest::ReadRelations(dir + "/diplomatic_relations.csv", known), batch.relations,
       report.problems);
  Take(ingest::ReadMissingRelations(dir + "/diplomatic_relations_missing.csv", known),
       batch.missing_relations, report.problems);
  Take(ingest::ReadMemberships(dir + "/memberships.csv"), batch.memberships, report.problems);
  Take(ingest::ReadOrganizationMembers(sources.reference_dir + "/organization_members.csv", known),
       batch.organization_members, report.problems);
  Take(ingest::ReadTradeBlocs(sources.reference_dir + "/trade_blocs.csv", known),
       batch.trade_bloc_members, report.problems);
  Take(ingest::ReadTradeFlows(dir + "/trade.csv", known), batch.trade_flows, report.problems);
  Take(ingest::ReadDrugFacts(dir + "/drug_facts.csv"), batch.drug_facts, report.problems);
  Take(ingest::ReadPlaces(dir + "/places.csv", known), batch.places, report.problems);

  if (!report.problems.empty()) return report;
  ORDO_RETURN_IF_ERROR(store.Write(batch));
  ORDO_TRY(after, store.Counts());
  report.counts = after;
  return report;
}

}  // namespace ordo::analytics
