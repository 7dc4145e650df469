#include "storage/memory/failing_store.h"

#include <fmt/format.h>

namespace ordo::storage {

FailingStore::FailingStore(RegistryStore& target, std::size_t fail_on_call)
    : target_(target), fail_on_call_(fail_on_call) {}

Status FailingStore::CountCall(std::string_view method) {
  ++call_count_;
  if (call_count_ != fail_on_call_) return OkStatus();
  return Unavailable(fmt::format("injected failure: call {} ({})", call_count_, method));
}

Result<std::vector<Country>> FailingStore::ListCountries() {
  ORDO_RETURN_IF_ERROR(CountCall("ListCountries"));
  return target_.ListCountries();
}

Result<std::vector<Relation>> FailingStore::ListRelations() {
  ORDO_RETURN_IF_ERROR(CountCall("ListRelations"));
  return target_.ListRelations();
}

Result<std::vector<MissingRelation>> FailingStore::ListMissingRelations() {
  ORDO_RETURN_IF_ERROR(CountCall("ListMissingRelations"));
  return target_.ListMissingRelations();
}

Result<std::vector<Membership>> FailingStore::ListMemberships() {
  ORDO_RETURN_IF_ERROR(CountCall("ListMemberships"));
  return target_.ListMemberships();
}

Result<std::vector<OrganizationMember>> FailingStore::ListOrganizationMembers() {
  ORDO_RETURN_IF_ERROR(CountCall("ListOrganizationMembers"));
  return target_.ListOrganizationMembers();
}

Result<std::vector<TradeBlocMember>> FailingStore::ListTradeBlocMembers() {
  ORDO_RETURN_IF_ERROR(CountCall("ListTradeBlocMembers"));
  return target_.ListTradeBlocMembers();
}

Result<std::vector<TradeFlow>> FailingStore::ListTradeFlows() {
  ORDO_RETURN_IF_ERROR(CountCall("ListTradeFlows"));
  return target_.ListTradeFlows();
}

Result<std::vector<DrugFact>> FailingStore::ListDrugFacts() {
  ORDO_RETURN_IF_ERROR(CountCall("ListDrugFacts"));
  return target_.ListDrugFacts();
}

Result<std::vector<Place>> FailingStore::ListPlaces() {
  ORDO_RETURN_IF_ERROR(CountCall("ListPlaces"));
  return target_.ListPlaces();
}

Result<RegistryCounts> FailingStore::Counts() {
  ORDO_RETURN_IF_ERROR(CountCall("Counts"));
  return target_.Counts();
}

Status FailingStore::Write(const RegistryBatch& batch) {
  ORDO_RETURN_IF_ERROR(CountCall("Write"));
  return target_.Write(batch);
}

}  // namespace ordo::storage
