#include "storage/postgres/postgres_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "storage/postgres/internal/pg_handle.h"
#include "storage/postgres/internal/schema_migrations.h"
#include "storage/postgres/internal/seizure_writer.h"
#include "storage/sql/account_rows.h"
#include "storage/sql/audit_log.h"
#include "storage/sql/graph_job_rows.h"
#include "storage/sql/country_reader.h"
#include "storage/sql/link_reader.h"
#include "storage/sql/link_writer.h"
#include "storage/sql/merge_rows.h"
#include "storage/sql/narcotics_record_reader.h"
#include "storage/sql/narcotics_record_writer.h"
#include "storage/sql/registry_reader.h"
#include "storage/sql/registry_writer.h"
#include "storage/sql/seizure_reader.h"
#include "storage/sql/store_errors.h"

namespace ordo::storage {
namespace {

using pg_internal::Connection;
using sql::AboutAccounts;
using sql::AboutDatabase;
using sql::WalkRows;

// Runs `write(connection)` in one write transaction: all of it or, on any error, none.
template <typename Write>
Status InTransaction(Connection& connection, const std::string& description, Write write) {
  pg_internal::Transaction transaction(connection);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutDatabase(description, write(connection)));
  return AboutDatabase(description, transaction.Commit());
}

// Every table Ordo keeps, in schema order (docs/postgres.md).
constexpr std::string_view kTables[] = {
    "countries",         "country_aliases",    "country_neighbours", "relations",
    "missing_relations", "memberships",        "organization_members",
    "trade_bloc_members", "trade_flows",       "drug_facts",         "places",
    "seizures",          "cultivation_records", "drug_prices",       "entities",
    "entity_properties", "links",              "link_properties",    "audit_log",
    "accounts",          "account_compartments", "api_tokens",  "entity_merges",
    "entity_merge_members"};

}  // namespace

bool IsPostgresUri(std::string_view target) {
  return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

std::string RedactPostgresUri(std::string_view uri) {
  std::string redacted(uri);
  // postgresql://user:password@host/...: the password runs from the ':' after the scheme's "//"
  // up to the '@'.
  const std::size_t scheme_end = redacted.find("://");
  if (scheme_end != std::string::npos) {
    const std::size_t authority = scheme_end + 3;
    const std::size_t at = redacted.find('@', authority);
    const std::size_t slash = redacted.find('/', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const std::size_t colon = redacted.find(':', authority);
      if (colon != std::string::npos && colon < at) {
        redacted.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // ...?password=secret&...
  for (std::size_t at = redacted.find("password="); at != std::string::npos;
       at = redacted.find("password=", at + 1)) {
    const std::size_t value = at + 9;
    const std::size_t end = redacted.find('&', value);
    redacted.replace(value, (end == std::string::npos ? redacted.size() : end) - value, "***");
  }
  return redacted;
}

PostgresStore::PostgresStore(std::string description, std::unique_ptr<Connection> connection)
    : description_(std::move(description)), connection_(std::move(connection)) {}

PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& uri,
                                                           PostgresOpenMode mode) {
  const std::string description = RedactPostgresUri(uri);
  if (!IsPostgresUri(uri)) {
    return InvalidArgument(fmt::format(
        "not a PostgreSQL URI (postgresql://...): {}", description));
  }
  Result<std::unique_ptr<Connection>> connection = Connection::Open(uri);
  if (!connection) return AboutDatabase(description, connection.error());
  // kInvalidArgument from Open is about the URI, which AboutDatabase would not name.
  ORDO_TRY(version, AboutDatabase(description, pg_internal::CurrentSchemaVersion(**connection)));
  if (version == 0 && mode == PostgresOpenMode::kMustExist) {
    return FailedPrecondition(fmt::format(
        "{} is not an Ordo database: it holds no Ordo tables (create them with `ordo migrate "
        "--db URI`)",
        description));
  }
  ORDO_RETURN_IF_ERROR(AboutDatabase(description, pg_internal::MigrateToLatest(**connection)));
  return std::unique_ptr<PostgresStore>(new PostgresStore(description, std::move(*connection)));
}

int PostgresStore::LatestSchemaVersion() { return pg_internal::LatestSchemaVersion(); }

Result<int> PostgresStore::SchemaVersion() {
  ORDO_TRY(version, AboutDatabase(description_, pg_internal::CurrentSchemaVersion(*connection_)));
  return static_cast<int>(version);
}

Result<std::int64_t> PostgresStore::DataVersion() {
  return AboutDatabase(description_, connection_->QueryInt("SELECT version FROM data_version"));
}

Result<std::int64_t> PostgresStore::LinkDataVersion() {
  return AboutDatabase(description_,
                       connection_->QueryInt("SELECT link_version FROM data_version"));
}

Result<std::vector<std::pair<std::string, std::size_t>>> PostgresStore::TableCounts() {
  std::vector<std::pair<std::string, std::size_t>> counts;
  for (std::string_view table : kTables) {
    ORDO_TRY(count, AboutDatabase(description_, connection_->QueryInt(fmt::format(
                                                    "SELECT count(*) FROM {}", table))));
    counts.emplace_back(std::string(table), static_cast<std::size_t>(count));
  }
  return counts;
}

Result<std::vector<Country>> PostgresStore::ListCountries() {
  return AboutDatabase(description_, sql::ReadCountries(*connection_));
}
Result<std::vector<Relation>> PostgresStore::ListRelations() {
  return AboutDatabase(description_, sql::ReadRelations(*connection_));
}
Result<std::vector<MissingRelation>> PostgresStore::ListMissingRelations() {
  return AboutDatabase(description_, sql::ReadMissingRelations(*connection_));
}
Result<std::vector<Membership>> PostgresStore::ListMemberships() {
  return AboutDatabase(description_, sql::ReadMemberships(*connection_));
}
Result<std::vector<OrganizationMember>> PostgresStore::ListOrganizationMembers() {
  return AboutDatabase(description_, sql::ReadOrganizationMembers(*connection_));
}
Result<std::vector<TradeBlocMember>> PostgresStore::ListTradeBlocMembers() {
  return AboutDatabase(description_, sql::ReadTradeBlocMembers(*connection_));
}
Result<std::vector<TradeFlow>> PostgresStore::ListTradeFlows() {
  return AboutDatabase(description_, sql::ReadTradeFlows(*connection_));
}
Result<std::vector<DrugFact>> PostgresStore::ListDrugFacts() {
  return AboutDatabase(description_, sql::ReadDrugFacts(*connection_));
}
Result<std::vector<Place>> PostgresStore::ListPlaces() {
  return AboutDatabase(description_, sql::ReadPlaces(*connection_));
}
Result<RegistryCounts> PostgresStore::Counts() {
  return AboutDatabase(description_, sql::ReadCounts(*connection_));
}

Status PostgresStore::Write(const RegistryBatch& batch) {
  if (batch.empty()) return OkStatus();
  return InTransaction(*connection_, description_, [&](Connection& connection) {
    return sql::InsertBatch(connection, batch);
  });
}

Status PostgresStore::AppendSeizures(const std::vector<Seizure>& seizures) {
  if (seizures.empty()) return OkStatus();
  return AppendSeizuresFrom([&seizures](const SeizureAppend& append) -> Status {
    for (const Seizure& seizure : seizures) ORDO_RETURN_IF_ERROR(append(seizure));
    return OkStatus();
  });
}

Status PostgresStore::AppendSeizuresFrom(const SeizureProducer& produce) {
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  bool store_failed = false;
  Status written = pg_internal::InsertSeizures(*connection_, produce, store_failed);
  if (!written) {
    // The producer's own error comes back as it is; the store's errors name the database.
    if (store_failed) return AboutDatabase(description_, written.error());
    return written;
  }
  return AboutDatabase(description_, transaction.Commit());
}

Result<std::vector<Seizure>> PostgresStore::ListSeizures(const SeizureFilter& filter) {
  std::vector<Seizure> listed;
  ORDO_RETURN_IF_ERROR(ForEachSeizure(filter, [&listed](const Seizure& seizure) {
    listed.push_back(seizure);
    return OkStatus();
  }));
  return listed;
}

Result<std::size_t> PostgresStore::CountSeizures(const SeizureFilter& filter) {
  return AboutDatabase(description_, sql::CountSeizureRows(*connection_, filter));
}

Status PostgresStore::ForEachSeizure(const SeizureFilter& filter, const SeizureVisitor& visit) {
  return WalkRows<Seizure>(
      description_,
      [&](const SeizureVisitor& each) {
        return sql::VisitSeizures(*connection_, filter, each);
      },
      visit);
}

Status PostgresStore::AppendGraph(const GraphBatch& batch) {
  if (batch.entities.empty() && batch.links.empty()) return OkStatus();
  return InTransaction(*connection_, description_, [&](Connection& connection) {
    return sql::InsertGraph(connection, batch, [&connection](const std::string& case_id) {
      return sql::FindCaseCompartmentRow(connection, case_id);
    });
  });
}

Result<std::size_t> PostgresStore::CountEntities() {
  ORDO_TRY(count,
           AboutDatabase(description_, connection_->QueryInt("SELECT count(*) FROM entities")));
  return static_cast<std::size_t>(count);
}

Result<std::size_t> PostgresStore::CountLinks() {
  ORDO_TRY(count,
           AboutDatabase(description_, connection_->QueryInt("SELECT count(*) FROM links")));
  return static_cast<std::size_t>(count);
}

Result<std::optional<std::string>> PostgresStore::FindCaseCompartment(const std::string& case_id) {
  return AboutDatabase(description_, sql::FindCaseCompartmentRow(*connection_, case_id));
}

Result<std::optional<Entity>> PostgresStore::FindEntity(const std::string& entity_id) {
  return AboutDatabase(description_, sql::FindEntityRow(*connection_, entity_id));
}

Status PostgresStore::ForEachEntity(const EntityVisitor& visit) {
  return WalkRows<Entity>(
      description_,
      [&](const EntityVisitor& each) { return sql::ForEachEntityRow(*connection_, each); },
      visit);
}

Status PostgresStore::ForEachLink(const LinkVisitor& visit) {
  return WalkRows<Link>(
      description_,
      [&](const LinkVisitor& each) { return sql::ForEachLinkRow(*connection_, each); },
      visit);
}

Status PostgresStore::AppendCultivation(const std::vector<CultivationRecord>& records) {
  if (records.empty()) return OkStatus();
  return InTransaction(*connection_, description_, [&](Connection& connection) {
    return sql::InsertCultivation(connection, records);
  });
}

Status PostgresStore::AppendPrices(const std::vector<PriceRecord>& records) {
  if (records.empty()) return OkStatus();
  return InTransaction(*connection_, description_, [&](Connection& connection) {
    return sql::InsertPrices(connection, records);
  });
}

Result<std::vector<CultivationRecord>> PostgresStore::ListCultivation(
    const CultivationFilter& filter) {
  return AboutDatabase(description_, sql::ReadCultivation(*connection_, filter));
}

Result<std::vector<PriceRecord>> PostgresStore::ListPrices(const PriceFilter& filter) {
  return AboutDatabase(description_, sql::ReadPrices(*connection_, filter));
}

Result<std::size_t> PostgresStore::CountCultivation(const CultivationFilter& filter) {
  return AboutDatabase(description_, sql::CountCultivationRows(*connection_, filter));
}

Result<std::size_t> PostgresStore::CountPrices(const PriceFilter& filter) {
  return AboutDatabase(description_, sql::CountPriceRows(*connection_, filter));
}

Result<AuditRecord> PostgresStore::AppendAudit(const AuditEntry& entry) {
  ORDO_RETURN_IF_ERROR(CheckAuditEntry(entry));
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  ORDO_TRY(record,
           AboutDatabase(description_, sql::InsertAuditRecord(*connection_, entry)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Commit()));
  return record;
}

Status PostgresStore::AppendAuditBatch(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return OkStatus();
  for (const AuditEntry& entry : entries) ORDO_RETURN_IF_ERROR(CheckAuditEntry(entry));
  // Transaction::Begin takes the store's write lock, so the head read by the first insert stays
  // the head until the commit: a writer in another process or server waits for the whole batch.
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  for (const AuditEntry& entry : entries) {
    auto inserted = AboutDatabase(description_, sql::InsertAuditRecord(*connection_, entry));
    if (!inserted) return inserted.error();  // the transaction rolls back: none is stored
  }
  return AboutDatabase(description_, transaction.Commit());
}

Result<std::size_t> PostgresStore::CountAudit() {
  ORDO_TRY(count,
           AboutDatabase(description_, connection_->QueryInt("SELECT count(*) FROM audit_log")));
  return static_cast<std::size_t>(count);
}

Status PostgresStore::ForEachAudit(const AuditVisitor& visit) {
  return WalkRows<AuditRecord>(
      description_,
      [&](const AuditVisitor& each) {
        return sql::ForEachAuditRow(*connection_, 0, each);
      },
      visit);
}

Result<std::vector<AuditRecord>> PostgresStore::TailAudit(std::size_t count) {
  return AboutDatabase(description_, sql::TailAuditRows(*connection_, count));
}

Status PostgresStore::AddAccount(const StoredAccount& account) {
  ORDO_TRY(canonical, CanonicalAccount(account));
  return InTransaction(*connection_, description_, [&](Connection& connection) {
    return sql::InsertAccount(connection, canonical);
  });
}

Status PostgresStore::UpdateAccount(const StoredAccount& account) {
  ORDO_TRY(canonical, CanonicalAccount(account));
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(
      AboutAccounts(description_, sql::ReplaceAccount(*connection_, canonical)));
  return AboutDatabase(description_, transaction.Commit());
}

Result<std::optional<StoredAccount>> PostgresStore::FindAccount(const std::string& name) {
  return AboutDatabase(description_, sql::SelectAccount(*connection_, name));
}

Result<std::vector<Account>> PostgresStore::ListAccounts() {
  return AboutDatabase(description_, sql::SelectAccounts(*connection_));
}

Status PostgresStore::AddApiToken(const ApiToken& token) {
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(
      AboutAccounts(description_, sql::InsertApiToken(*connection_, token)));
  return AboutDatabase(description_, transaction.Commit());
}

Result<std::optional<ApiToken>> PostgresStore::FindApiToken(const std::string& token_hash) {
  return AboutDatabase(description_, sql::SelectApiToken(*connection_, token_hash));
}

Result<std::vector<ApiToken>> PostgresStore::ListApiTokens(const std::string& account) {
  return AboutDatabase(description_, sql::SelectApiTokens(*connection_, account));
}

Status PostgresStore::RevokeApiToken(const std::string& token_hash) {
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(
      AboutAccounts(description_, sql::MarkApiTokenRevoked(*connection_, token_hash)));
  return AboutDatabase(description_, transaction.Commit());
}

// Sessions and the failure count: single statements outside the store's write lock (an import
// holding it must not stall every sign-in and session refresh), and no data-version trigger.
Status PostgresStore::AddSession(const StoredSession& session) {
  bool refused = false;
  Status added = sql::InsertSession(*connection_, session, &refused);
  if (!added) return refused ? added.error() : AboutDatabase(description_, added.error());
  return OkStatus();
}

Result<std::optional<StoredSession>> PostgresStore::FindSession(const std::string& token_hash) {
  return AboutDatabase(description_, sql::SelectSession(*connection_, token_hash));
}

Status PostgresStore::TouchSession(const std::string& token_hash, const std::string& seen_at) {
  return AboutDatabase(description_, sql::UpdateSessionSeen(*connection_, token_hash, seen_at));
}

Result<bool> PostgresStore::EndSession(const std::string& token_hash) {
  return AboutDatabase(description_, sql::DeleteSession(*connection_, token_hash));
}

Result<std::size_t> PostgresStore::EndExpiredSessions(const std::string& now,
                                                      const std::string& idle_since) {
  return AboutDatabase(description_, sql::DeleteExpiredSessions(*connection_, now, idle_since));
}

Result<std::optional<LoginFailures>> PostgresStore::RecordLoginFailure(
    const std::string& name, const std::string& now, int max_failures,
    const std::string& lock_until) {
  return AboutDatabase(description_,
                       sql::CountLoginFailure(*connection_, name, now, max_failures, lock_until));
}

Status PostgresStore::ClearLoginFailures(const std::string& name) {
  return AboutAccounts(description_, sql::ResetLoginFailures(*connection_, name));
}

// Graph jobs are not data: single statements, no data version bump, outside the write lock.
Status PostgresStore::AddGraphJob(const StoredGraphJob& job) {
  bool refused = false;
  Status added = sql::InsertGraphJob(*connection_, job, &refused);
  if (!added) return refused ? added.error() : AboutDatabase(description_, added.error());
  return OkStatus();
}

Result<bool> PostgresStore::UpdateGraphJob(const StoredGraphJob& job) {
  ORDO_RETURN_IF_ERROR(CheckGraphJob(job));
  return AboutDatabase(description_, sql::ReplacePendingGraphJob(*connection_, job));
}

Result<std::optional<StoredGraphJob>> PostgresStore::FindGraphJob(const std::string& id,
                                                                  bool with_values) {
  return AboutDatabase(description_, sql::SelectGraphJob(*connection_, id, with_values));
}

Result<std::vector<StoredGraphJob>> PostgresStore::ListGraphJobs(const std::string& owner) {
  return AboutDatabase(description_, sql::SelectGraphJobs(*connection_, owner));
}

Result<std::size_t> PostgresStore::InterruptGraphJobs(const std::string& updated_before,
                                                      const std::string& now,
                                                      const std::string& error) {
  return AboutDatabase(description_,
                       sql::InterruptStaleGraphJobs(*connection_, updated_before, now, error));
}

Result<std::size_t> PostgresStore::ForgetGraphJobs(const std::string& finished_before,
                                                   std::size_t keep_per_owner) {
  return AboutDatabase(description_,
                       sql::DeleteOldGraphJobs(*connection_, finished_before, keep_per_owner));
}

Result<std::int64_t> PostgresStore::RecordMerge(const EntityMerge& merge) {
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  bool rule_broken = false;
  Result<std::int64_t> merge_id = sql::InsertMerge(*connection_, merge, &rule_broken);
  if (!merge_id) {
    return rule_broken ? merge_id.error() : AboutDatabase(description_, merge_id.error());
  }
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Commit()));
  return *merge_id;
}

Status PostgresStore::UndoMerge(std::int64_t merge_id, const std::string& undone_by,
                                const std::string& undone_at) {
  pg_internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(description_, transaction.Begin()));
  bool rule_broken = false;
  Status undone =
      sql::MarkMergeUndone(*connection_, merge_id, undone_by, undone_at, &rule_broken);
  if (!undone) return rule_broken ? undone.error() : AboutDatabase(description_, undone.error());
  return AboutDatabase(description_, transaction.Commit());
}

Status PostgresStore::ForEachMerge(const MergeVisitor& visit) {
  return WalkRows<EntityMerge>(
      description_,
      [&](const MergeVisitor& each) { return sql::ForEachMergeRow(*connection_, each); },
      visit);
}

}  // namespace ordo::storage
