// `ordo migrate` (bring a database's schema to this build's version, creating a server database's
// tables) and `ordo migrate-data --from FILE --to URI` (copy every row of one database into
// another through the store interfaces -- registry, narcotics records, seizures, entities and
// links, merges, accounts with their tokens, and the audit log -- then compare the row counts of
// every kind).

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "analytics/audit_verify.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
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
  storage::AccountStore* accounts = nullptr;
  storage::AuditStore* audit = nullptr;
};

Result<OpenedStores> Open(CommandContext& context, const std::string& database, bool create) {
  OpenedStores opened;
  ORDO_TRY(store, context.OpenDatabase(database, create));
  opened.registry = std::move(store);
  opened.seizures = dynamic_cast<storage::SeizureStore*>(opened.registry.get());
  opened.records = dynamic_cast<storage::NarcoticsRecordStore*>(opened.registry.get());
  opened.links = dynamic_cast<storage::LinkStore*>(opened.registry.get());
  opened.accounts = dynamic_cast<storage::AccountStore*>(opened.registry.get());
  opened.audit = dynamic_cast<storage::AuditStore*>(opened.registry.get());
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
  std::size_t merges = 0;
  if (stores.links != nullptr) {
    ORDO_RETURN_IF_ERROR(stores.links->ForEachMerge([&](const storage::EntityMerge&) -> Status {
      ++merges;
      return OkStatus();
    }));
  }
  counts.push_back({"entity_merges", merges});
  std::size_t accounts = 0;
  std::size_t tokens = 0;
  if (stores.accounts != nullptr) {
    ORDO_TRY(listed, stores.accounts->ListAccounts());
    accounts = listed.size();
    for (const Account& account : listed) {
      ORDO_TRY(account_tokens, stores.accounts->ListApiTokens(account.name));
      tokens += account_tokens.size();
    }
  }
  counts.push_back({"accounts", accounts});
  counts.push_back({"api_tokens", tokens});
  std::size_t audit = 0;
  if (stores.audit != nullptr) {
    ORDO_TRY(counted, stores.audit->CountAudit());
    audit = counted;
  }
  counts.push_back({"audit_log", audit});
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

// Merges in the order they were recorded, each undone right after it when it was undone in the
// source: at every step fewer merges are in force than there were when the source recorded the
// next one, so each is accepted again, and on an empty target each keeps its merge id.
Status CopyMerges(storage::LinkStore& from, storage::LinkStore* to) {
  std::vector<storage::EntityMerge> merges;
  ORDO_RETURN_IF_ERROR(from.ForEachMerge([&](const storage::EntityMerge& merge) -> Status {
    merges.push_back(merge);
    return OkStatus();
  }));
  if (merges.empty()) return OkStatus();
  if (to == nullptr) return FailedPrecondition("the target cannot store merges");
  for (const storage::EntityMerge& merge : merges) {
    storage::EntityMerge copy = merge;
    copy.merge_id = 0;
    copy.undone_by.clear();
    copy.undone_at.clear();
    ORDO_TRY(merge_id, to->RecordMerge(copy));
    if (!merge.InForce()) {
      ORDO_RETURN_IF_ERROR(to->UndoMerge(merge_id, merge.undone_by, merge.undone_at));
    }
  }
  return OkStatus();
}

// Accounts as stored (password hash, lockout state, compartments) and their tokens' hashes. Not
// their sessions: they belong to the source's servers, and a copy would keep them alive twice. Nor
// the servers' graph jobs (api/graph_jobs.h): results of work done on the source, which an analyst
// runs again on the target, and a copied queued or running one would stand for work nobody does.
Status CopyAccounts(storage::AccountStore& from, storage::AccountStore* to) {
  ORDO_TRY(accounts, from.ListAccounts());
  if (accounts.empty()) return OkStatus();
  if (to == nullptr) return FailedPrecondition("the target cannot store accounts");
  for (const Account& account : accounts) {
    ORDO_TRY(stored, from.FindAccount(account.name));
    if (!stored) return Internal("account '" + account.name + "' vanished while being copied");
    ORDO_RETURN_IF_ERROR(to->AddAccount(*stored));
    ORDO_TRY(tokens, from.ListApiTokens(account.name));
    for (const storage::ApiToken& token : tokens) ORDO_RETURN_IF_ERROR(to->AddApiToken(token));
  }
  return OkStatus();
}

// How the audit log arrived: the same chain (an empty target log: every record has the source's
// seq and hash), or chained on after the target's own records.
struct AuditCopy {
  bool identical = true;
  analytics::AuditHead source_head;
};

// The source's audit log must verify before anything is copied: appending re-computes every hash,
// which would otherwise hide an edit made before the copy.
Result<analytics::AuditHead> CheckSourceAudit(storage::AuditStore& from) {
  ORDO_TRY(verification, analytics::VerifyAuditLog(from, std::nullopt, 1));
  if (!verification.intact()) {
    return FailedPrecondition(
        "the source's audit log does not verify (" + std::to_string(verification.problem_count) +
        " problem(s), the first: " + verification.problems.front().message +
        "); copying would re-chain it and hide that; nothing was copied; see `ordo audit verify`");
  }
  return verification.head;
}

// Appends the source's records in order (CheckSourceAudit first).
Status CopyAudit(storage::AuditStore& from, storage::AuditStore* to, AuditCopy& chain) {
  ORDO_TRY(held, from.CountAudit());
  if (held == 0) return OkStatus();
  if (to == nullptr) return FailedPrecondition("the target cannot store an audit log");
  ORDO_TRY(target_held, to->CountAudit());
  chain.identical = target_held == 0;
  return from.ForEachAudit([&](const AuditRecord& record) -> Status {
    ORDO_TRY(copied, to->AppendAudit(record.entry));
    if (chain.identical && (copied.seq != record.seq || copied.hash != record.hash)) {
      return Internal("audit record " + std::to_string(record.seq) +
                      " got another hash in the target");
    }
    return OkStatus();
  });
}

// Copies every kind the source keeps; a kind the target cannot keep is kFailedPrecondition.
Status CopyAll(OpenedStores& from, OpenedStores& to, AuditCopy& chain) {
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
    ORDO_RETURN_IF_ERROR(CopyMerges(*from.links, to.links));
  }
  if (from.accounts != nullptr) ORDO_RETURN_IF_ERROR(CopyAccounts(*from.accounts, to.accounts));
  if (from.audit != nullptr) ORDO_RETURN_IF_ERROR(CopyAudit(*from.audit, to.audit, chain));
  return OkStatus();
}

// Data rows: the target's audit log does not count, as every command run on the target (even a
// look at it) adds to it; the source's records are chained on after its own.
bool AnyRows(const std::vector<KindCount>& counts) {
  for (const KindCount& count : counts) {
    if (count.rows != 0 && count.kind != "audit_log") return true;
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
      if (count.rows == 0 || count.kind == "audit_log") continue;
      held += (held.empty() ? "" : ", ") + std::to_string(count.rows) + " " + count.kind;
    }
    return context.Fail(FailedPrecondition(
        "--to " + flags.to + " is not empty (" + held +
        "); copy into an empty database, or pass --allow-non-empty to add to it"));
  }
  AuditCopy chain;
  if (from->audit != nullptr) {
    auto head = CheckSourceAudit(*from->audit);
    if (!head) return context.Fail(head.error());
    chain.source_head = *head;
  }
  if (Status copied = CopyAll(*from, *to, chain); !copied) {
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
  if (chain.source_head.seq > 0) {
    context.err() << "audit log: "
                  << (chain.identical
                          ? "the same chain, head " + analytics::FormatAuditHead(chain.source_head)
                          : "chained on after the target's own records; the source's head was " +
                                analytics::FormatAuditHead(chain.source_head) +
                                " (keep it to verify the source file)")
                  << "\n";
  }
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
