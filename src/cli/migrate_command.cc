// `ordo migrate` (bring a database's schema to this build's version, creating a server database's
// tables) and `ordo migrate-data --from FILE --to URI` (copy every row of one database into
// another through the store interfaces, then compare the row counts of every kind).

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "storage/link_store.h"
#include "storage/narcotics_record_store.h"
#include "storage/seizure_store.h"

namespace ordo::cli {
namespace {

struct MigrateDataFlags {
  std::string from;
  std::string to;
  bool allow_non_empty = false;
};

// A store and the other interfaces its backend implements (null where it does not).
struct OpenedStores {
  std::unique_ptr<storage::RegistryStore> registry;
  storage::SeizureStore* seizures = nullptr;
  storage::NarcoticsRecordStore* records = nullptr;
  storage::LinkStore* links = nullptr;
};

Result<OpenedStores> Open(CommandContext& context, const std::string& database, bool create) {
  OpenedStores opened;
  ORDO_TRY(store, context.OpenDatabase(database, create));
  opened.registry = std::move(store);
  opened.seizures = dynamic_cast<storage::SeizureStore*>(opened.registry.get());
  opened.records = dynamic_cast<storage::NarcoticsRecordStore*>(opened.registry.get());
  opened.links = dynamic_cast<storage::LinkStore*>(opened.registry.get());
  return opened;
}

// Rows per kind, in the order they are copied; a kind a backend does not keep counts 0.
struct KindCount {
  std::string kind;
  std::size_t rows = 0;
};

Result<std::vector<KindCount>> CountKinds(OpenedStores& stores) {
  ORDO_TRY(registry, stores.registry->Counts());
  ORDO_TRY(countries, stores.registry->ListCountries());
  std::size_t aliases = 0;
  std::size_t neighbours = 0;
  for (const Country& country : countries) {
    aliases += country.aliases.size();
    neighbours += country.land_neighbours.size();
  }
  std::vector<KindCount> counts = {{"countries", registry.countries},
                                   {"country_aliases", aliases},
                                   {"country_neighbours", neighbours},
                                   {"relations", registry.relations},
                                   {"missing_relations", registry.missing_relations},
                                   {"memberships", registry.memberships},
                                   {"organization_members", registry.organization_members},
                                   {"trade_bloc_members", registry.trade_bloc_members},
                                   {"trade_flows", registry.trade_flows},
                                   {"drug_facts", registry.drug_facts},
                                   {"places", registry.places}};
  std::size_t cultivation = 0;
  std::size_t prices = 0;
  if (stores.records != nullptr) {
    ORDO_TRY(counted_cultivation, stores.records->CountCultivation({}));
    ORDO_TRY(counted_prices, stores.records->CountPrices({}));
    cultivation = counted_cultivation;
    prices = counted_prices;
  }
  counts.push_back({"cultivation_records", cultivation});
  counts.push_back({"drug_prices", prices});
  std::size_t seizures = 0;
  if (stores.seizures != nullptr) {
    ORDO_TRY(counted, stores.seizures->CountSeizures({}));
    seizures = counted;
  }
  counts.push_back({"seizures", seizures});
  std::size_t entities = 0;
  std::size_t entity_properties = 0;
  std::size_t links = 0;
  std::size_t link_properties = 0;
  if (stores.links != nullptr) {
    ORDO_RETURN_IF_ERROR(stores.links->ForEachEntity([&](const Entity& entity) -> Status {
      ++entities;
      entity_properties += entity.properties.size();
      return OkStatus();
    }));
    ORDO_RETURN_IF_ERROR(stores.links->ForEachLink([&](const Link& link) -> Status {
      ++links;
      link_properties += link.properties.size();
      return OkStatus();
    }));
  }
  counts.push_back({"entities", entities});
  counts.push_back({"entity_properties", entity_properties});
  counts.push_back({"links", links});
  counts.push_back({"link_properties", link_properties});
  return counts;
}

Status CopyRegistry(storage::RegistryStore& from, storage::RegistryStore& to) {
  storage::RegistryBatch batch;
  ORDO_TRY(countries, from.ListCountries());
  ORDO_TRY(relations, from.ListRelations());
  ORDO_TRY(missing, from.ListMissingRelations());
  ORDO_TRY(memberships, from.ListMemberships());
  ORDO_TRY(organization_members, from.ListOrganizationMembers());
  ORDO_TRY(bloc_members, from.ListTradeBlocMembers());
  ORDO_TRY(flows, from.ListTradeFlows());
  ORDO_TRY(facts, from.ListDrugFacts());
  ORDO_TRY(places, from.ListPlaces());
  batch.countries = std::move(countries);
  batch.relations = std::move(relations);
  batch.missing_relations = std::move(missing);
  batch.memberships = std::move(memberships);
  batch.organization_members = std::move(organization_members);
  batch.trade_bloc_members = std::move(bloc_members);
  batch.trade_flows = std::move(flows);
  batch.drug_facts = std::move(facts);
  batch.places = std::move(places);
  return to.Write(batch);
}

// Copies every kind the source keeps; a kind the target cannot keep is kFailedPrecondition.
Status CopyAll(OpenedStores& from, OpenedStores& to) {
  ORDO_RETURN_IF_ERROR(CopyRegistry(*from.registry, *to.registry));
  if (from.records != nullptr) {
    ORDO_TRY(cultivation, from.records->ListCultivation({}));
    ORDO_TRY(prices, from.records->ListPrices({}));
    if ((!cultivation.empty() || !prices.empty()) && to.records == nullptr) {
      return FailedPrecondition("the target cannot store cultivation and price records");
    }
    if (to.records != nullptr) {
      ORDO_RETURN_IF_ERROR(to.records->AppendCultivation(cultivation));
      ORDO_RETURN_IF_ERROR(to.records->AppendPrices(prices));
    }
  }
  if (from.seizures != nullptr) {
    if (to.seizures == nullptr) return FailedPrecondition("the target cannot store seizures");
    // Streamed: a million seizures are never all in memory.
    ORDO_RETURN_IF_ERROR(
        to.seizures->AppendSeizuresFrom([&](const storage::SeizureAppend& append) {
          return from.seizures->ForEachSeizure({}, append);
        }));
  }
  if (from.links != nullptr) {
    storage::GraphBatch graph;
    ORDO_RETURN_IF_ERROR(from.links->ForEachEntity([&](const Entity& entity) -> Status {
      graph.entities.push_back(entity);
      return OkStatus();
    }));
    ORDO_RETURN_IF_ERROR(from.links->ForEachLink([&](const Link& link) -> Status {
      graph.links.push_back(link);
      return OkStatus();
    }));
    if (!graph.entities.empty() && to.links == nullptr) {
      return FailedPrecondition("the target cannot store entities and links");
    }
    if (to.links != nullptr) ORDO_RETURN_IF_ERROR(to.links->AppendGraph(graph));
  }
  return OkStatus();
}

bool AnyRows(const std::vector<KindCount>& counts) {
  for (const KindCount& count : counts) {
    if (count.rows != 0) return true;
  }
  return false;
}

void RunMigrateData(CommandContext& context, const MigrateDataFlags& flags) {
  if (flags.from == flags.to) {
    return context.Fail(InvalidArgument("--from and --to name the same database"));
  }
  auto from = Open(context, flags.from, /*create=*/false);
  if (!from) return context.Fail(from.error());
  auto to = Open(context, flags.to, /*create=*/true);
  if (!to) return context.Fail(to.error());
  auto source_counts = CountKinds(*from);
  if (!source_counts) return context.Fail(source_counts.error());
  auto before = CountKinds(*to);
  if (!before) return context.Fail(before.error());
  if (AnyRows(*before) && !flags.allow_non_empty) {
    std::string held;
    for (const KindCount& count : *before) {
      if (count.rows == 0) continue;
      held += (held.empty() ? "" : ", ") + std::to_string(count.rows) + " " + count.kind;
    }
    return context.Fail(FailedPrecondition(
        "--to " + flags.to + " is not empty (" + held +
        "); copy into an empty database, or pass --allow-non-empty to add to it"));
  }
  if (Status copied = CopyAll(*from, *to); !copied) {
    return context.Fail(Error(copied.error().code(),
                              "copying " + flags.from + " into " + flags.to + " failed: " +
                                  copied.error().message()));
  }
  auto after = CountKinds(*to);
  if (!after) return context.Fail(after.error());

  Section section{"migrate_data", "Rows copied, per kind",
                  {{"kind"}, {"source"}, {"target_added"}, {"check"}}, {}, false};
  std::size_t mismatches = 0;
  for (std::size_t index = 0; index < source_counts->size(); ++index) {
    const std::size_t source = (*source_counts)[index].rows;
    const std::size_t added = (*after)[index].rows - (*before)[index].rows;
    const bool same = source == added;
    if (!same) ++mismatches;
    section.rows.push_back({Cell((*source_counts)[index].kind),
                            Cell(static_cast<std::int64_t>(source)),
                            Cell(static_cast<std::int64_t>(added)),
                            Cell(std::string(same ? "ok" : "MISMATCH"))});
  }
  context.Print(Report{{std::move(section)}, {}});
  if (mismatches != 0) {
    return context.FailWithStatus(
        kExitDataError, std::to_string(mismatches) + " kind(s) differ between " + flags.from +
                            " and " + flags.to + " after the copy");
  }
  context.err() << "copied " << flags.from << " into " << flags.to
                << "; every count matches\n";
}

Status RunMigrate(CommandContext& context, const CliEnvironment& env) {
  if (!env.migrate) return FailedPrecondition("this build of ordo cannot migrate databases");
  const std::string database = context.DatabasePath();
  ORDO_TRY(version, env.migrate(database));
  context.out() << database << ": schema version " << version << "\n";
  return OkStatus();
}

}  // namespace

void RegisterMigrateCommands(CLI::App& app, CommandContext& context, const CliEnvironment& env) {
  app.add_subcommand("migrate",
                     "Bring the database's schema (--db) to this build's version; on a "
                     "postgresql:// database, create Ordo's tables")
      ->callback([&context, &env] { context.Finish(RunMigrate(context, env)); });

  auto flags = std::make_shared<MigrateDataFlags>();
  CLI::App* migrate_data = app.add_subcommand(
      "migrate-data",
      "Copy every row of one database into another (SQLite file -> postgresql://) and check the "
      "counts of every kind");
  migrate_data->add_option("--from", flags->from, "Database to copy from (a file or a URI)")
      ->required();
  migrate_data->add_option("--to", flags->to, "Database to copy into (a URI or a file)")
      ->required();
  migrate_data->add_flag("--allow-non-empty", flags->allow_non_empty,
                         "Add to a target that already holds rows (duplicates still fail)");
  migrate_data->callback([&context, flags] { RunMigrateData(context, *flags); });
}

}  // namespace ordo::cli
