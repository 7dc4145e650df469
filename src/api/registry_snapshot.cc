#include "api/registry_snapshot.h"

#include "analytics/registry_view.h"

namespace ordo::api {
namespace {

// Read-only rows in memory. Thread-safe because nothing changes them after construction.
class SnapshotStore final : public storage::RegistryStore {
 public:
  explicit SnapshotStore(storage::RegistryBatch rows) : rows_(std::move(rows)) {}

  Result<std::vector<Country>> ListCountries() override { return rows_.countries; }
  Result<std::vector<Relation>> ListRelations() override { return rows_.relations; }
  Result<std::vector<MissingRelation>> ListMissingRelations() override {
    return rows_.missing_relations;
  }
  Result<std::vector<Membership>> ListMemberships() override { return rows_.memberships; }
  Result<std::vector<OrganizationMember>> ListOrganizationMembers() override {
    return rows_.organization_members;
  }
  Result<std::vector<TradeBlocMember>> ListTradeBlocMembers() override {
    return rows_.trade_bloc_members;
  }
  Result<std::vector<TradeFlow>> ListTradeFlows() override { return rows_.trade_flows; }
  Result<std::vector<DrugFact>> ListDrugFacts() override { return rows_.drug_facts; }
  Result<std::vector<Place>> ListPlaces() override { return rows_.places; }

  Result<storage::RegistryCounts> Counts() override {
    storage::RegistryCounts counts;
    counts.countries = rows_.countries.size();
    counts.relations = rows_.relations.size();
    counts.missing_relations = rows_.missing_relations.size();
    counts.memberships = rows_.memberships.size();
    counts.organization_members = rows_.organization_members.size();
    counts.trade_bloc_members = rows_.trade_bloc_members.size();
    counts.trade_flows = rows_.trade_flows.size();
    counts.drug_facts = rows_.drug_facts.size();
    counts.places = rows_.places.size();
    return counts;
  }

  Status Write(const storage::RegistryBatch&) override {
    return FailedPrecondition("the API serves a read-only snapshot of the registry");
  }

 private:
  const storage::RegistryBatch rows_;
};

}  // namespace

RegistrySnapshot::RegistrySnapshot(std::unique_ptr<storage::RegistryStore> store,
                                   analytics::CountryDirectory directory)
    : store_(std::move(store)), directory_(std::move(directory)) {}

RegistrySnapshot::~RegistrySnapshot() = default;

Result<std::unique_ptr<RegistrySnapshot>> RegistrySnapshot::Load(storage::RegistryStore& store) {
  storage::RegistryBatch rows;
  ORDO_TRY(directory, analytics::LoadCountryDirectory(store));
  rows.countries = directory.countries();
  ORDO_TRY(relations, store.ListRelations());
  ORDO_TRY(missing_relations, store.ListMissingRelations());
  ORDO_TRY(memberships, store.ListMemberships());
  ORDO_TRY(organization_members, store.ListOrganizationMembers());
  ORDO_TRY(trade_bloc_members, store.ListTradeBlocMembers());
  ORDO_TRY(trade_flows, store.ListTradeFlows());
  ORDO_TRY(drug_facts, store.ListDrugFacts());
  ORDO_TRY(places, store.ListPlaces());
  rows.relations = std::move(relations);
  rows.missing_relations = std::move(missing_relations);
  rows.memberships = std::move(memberships);
  rows.organization_members = std::move(organization_members);
  rows.trade_bloc_members = std::move(trade_bloc_members);
  rows.trade_flows = std::move(trade_flows);
  rows.drug_facts = std::move(drug_facts);
  rows.places = std::move(places);
  auto snapshot_store = std::make_unique<SnapshotStore>(std::move(rows));
  return std::unique_ptr<RegistrySnapshot>(
      new RegistrySnapshot(std::move(snapshot_store), std::move(directory)));
}

}  // namespace ordo::api
