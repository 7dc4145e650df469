#include "storage/registry_store.h"

namespace ordo::storage {

bool RegistryBatch::empty() const { return size() == 0; }

std::size_t RegistryBatch::size() const {
  return countries.size() + relations.size() + missing_relations.size() + memberships.size() +
         organization_members.size() + trade_bloc_members.size() + trade_flows.size() +
         drug_facts.size() + places.size();
}

}  // namespace ordo::storage
