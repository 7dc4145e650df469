#include "storage/sqlite/sqlite_store.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

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
#include "storage/sqlite/internal/schema_migrations.h"
#include "storage/sqlite/internal/seizure_writer.h"
#include "storage/sqlite/internal/sqlite_handle.h"

namespace ordo::storage {
namespace {

using internal::Connection;
using sql::AboutAccounts;
using sql::AboutDatabase;
using sql::WalkRows;

constexpr int kBusyTimeoutMs = 5000;

// Every write to the data a server answers from (registry, seizures, cultivation, prices,
// entities, links, merges) bumps the data version inside its transaction (schema/0012): what
// `ordo serve` polls, so that its own audit appends, which also change the file, do not make it
// reload. PostgreSQL does the same with triggers. Writes to entities, links and merges also bump
// the link data version (schema/0014): the server rebuilds its entity graph only when that changes.
Status BumpDataVersion(Connection& connection) {
  return connection.Execute("UPDATE data_version SET version = version + 1");
}
Status BumpLinkDataVersion(Connection& connection) {
  return connection.Execute(
      "UPDATE data_version SET version = version + 1, link_version = link_version + 1");
}

// Checks what SQLite would otherwise report vaguely or not at all: a missing file, a directory,
// and a file we may not write (SQLite would quietly open it read-only).
Status CheckFile(const std::string& path, SqliteOpenMode mode) {
  if (path.empty()) return InvalidArgument("database path is empty");
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    if (mode == SqliteOpenMode::kMustExist) return NotFound("database file not found: " + path);
    return OkStatus();
  }
  if (error) return Unavailable(fmt::format("cannot open database {}: {}", path, error.message()));
  if (std::filesystem::is_directory(status)) {
    return FailedPrecondition(fmt::format("{} is not an Ordo database: it is a directory", path));
  }
  // access(), not open() and close(): closing any descriptor of the file would drop every POSIX
  // lock this process's other connections hold on it (sqlite.org/howtocorrupt.html, 2.2), and
  // another process could then check-point and delete the log under them.
  if (::access(path.c_str(), R_OK | W_OK) != 0) {
    return Unavailable(
        fmt::format("cannot open database {}: {}", path, std::generic_category().message(errno)));
  }
  return OkStatus();
}

// Tells an Ordo database (by application_id) and a new, empty one from anything else, before
// anything is written: another application's database must stay untouched.
Status CheckIsOrdoDatabase(Connection& connection, const std::string& path, SqliteOpenMode mode) {
  Result<std::int64_t> application_id = connection.QueryInt("PRAGMA application_id");
  if (!application_id) {
    if (application_id.error().code() == ErrorCode::kFailedPrecondition) {
      return FailedPrecondition(
          fmt::format("{} is not an Ordo database: it is not an SQLite file, or it is damaged ({})",
                      path, application_id.error().message()));
    }
    return Error(application_id.error().code(),
                 fmt::format("cannot read {}: {}", path, application_id.error().message()));
  }
  ORDO_TRY(user_version, AboutDatabase(path, connection.QueryInt("PRAGMA user_version")));
  if (*application_id == internal::kOrdoApplicationId) {
    // Refuse a newer schema before anything (even the journal mode) is changed.
    return AboutDatabase(path, internal::CheckSchemaVersionSupported(user_version));
  }
  ORDO_TRY(table_count,
           AboutDatabase(path, connection.QueryInt("SELECT count(*) FROM sqlite_schema")));
  if (*application_id != 0 || table_count != 0 || user_version != 0) {
    return FailedPrecondition(
        fmt::format("{} is not an Ordo database: it is an SQLite database of another application "
                    "(application_id {}, {} schema objects)",
                    path, *application_id, table_count));
  }
  if (mode == SqliteOpenMode::kMustExist) {
    return FailedPrecondition(
        fmt::format("{} is not an Ordo database: it is empty (create it first)", path));
  }
  return OkStatus();
}

// Page cache sizes (negative: KiB): SQLite's default, and the one a bulk write uses.
constexpr std::string_view kDefaultCacheSize = "PRAGMA cache_size = -2000";
constexpr std::string_view kBulkWriteCacheSize = "PRAGMA cache_size = -65536";

// Per-connection settings, set before the schema is touched.
Status ConfigureConnection(Connection& connection) {
  // WAL lets readers (analytics, the API) go on reading while an import commits, and a commit
  // appends to the log instead of rewriting pages in place. The mode is stored in the file.
  ORDO_RETURN_IF_ERROR(connection.QueryText("PRAGMA journal_mode = WAL"));
  // FULL syncs the log at every commit, so an acknowledged import survives a power cut as well as
  // a crash (NORMAL could lose the last commits). Registry writes are few and large, so the extra
  // fsync per commit costs little.
  ORDO_RETURN_IF_ERROR(connection.Execute("PRAGMA synchronous = FULL"));
  // SQLite leaves foreign keys off on every new connection for backward compatibility; the
  // contract's country references rely on them.
  ORDO_RETURN_IF_ERROR(connection.Execute("PRAGMA foreign_keys = ON"));
  ORDO_TRY(foreign_keys, connection.QueryInt("PRAGMA foreign_keys"));
  if (foreign_keys != 1) return Internal("this SQLite build does not enforce foreign keys");
  return OkStatus();
}

// Collects up to a few rows of a check PRAGMA as "a b c; d e f".
Result<std::string> CheckRows(Connection& connection, std::string_view pragma, int columns) {
  ORDO_TRY(statement, connection.Prepare(pragma));
  std::string problems;
  for (int row = 0; row < 10; ++row) {
    ORDO_TRY(has_row, statement.Step());
    if (!has_row) break;
    if (!problems.empty()) problems += "; ";
    for (int column = 0; column < columns; ++column) {
      if (column > 0) problems += ' ';
      problems += statement.ColumnText(column);
    }
  }
  return problems;
}

}  // namespace

SqliteStore::SqliteStore(std::string path, std::unique_ptr<Connection> connection)
    : path_(std::move(path)), connection_(std::move(connection)) {}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       SqliteOpenMode mode) {
  ORDO_RETURN_IF_ERROR(CheckFile(path, mode));
  ORDO_TRY(connection, Connection::Open(path, mode == SqliteOpenMode::kCreateIfMissing));
  // Wait for another connection's lock instead of failing at once with "database is locked".
  ORDO_RETURN_IF_ERROR(AboutDatabase(
      path, connection->Execute(fmt::format("PRAGMA busy_timeout = {}", kBusyTimeoutMs))));
  ORDO_RETURN_IF_ERROR(CheckIsOrdoDatabase(*connection, path, mode));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path, ConfigureConnection(*connection)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path, internal::MigrateToLatest(*connection)));
  return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(connection)));
}

int SqliteStore::LatestSchemaVersion() { return internal::LatestSchemaVersion(); }

Result<int> SqliteStore::SchemaVersion() {
  ORDO_TRY(version, AboutDatabase(path_, connection_->QueryInt("PRAGMA user_version")));
  return static_cast<int>(version);
}

Status SqliteStore::IntegrityCheck() {
  ORDO_TRY(integrity, AboutDatabase(path_, CheckRows(*connection_, "PRAGMA integrity_check", 1)));
  if (integrity != "ok") {
    return FailedPrecondition(fmt::format("{} fails its integrity check: {}", path_, integrity));
  }
  // Rows of foreign_key_check: table, rowid, parent table, foreign key index.
  ORDO_TRY(dangling, AboutDatabase(path_, CheckRows(*connection_, "PRAGMA foreign_key_check", 3)));
  if (!dangling.empty()) {
    return FailedPrecondition(fmt::format(
        "{} has rows that refer to missing rows (table rowid parent): {}", path_, dangling));
  }
  ORDO_TRY(version, SchemaVersion());
  ORDO_TRY(recorded, AboutDatabase(path_, connection_->QueryInt("SELECT coalesce(max(version), 0) "
                                                                "FROM schema_migrations")));
  if (recorded != version) {
    return FailedPrecondition(fmt::format(
        "{} has schema version {} but schema_migrations records {}", path_, version, recorded));
  }
  return OkStatus();
}

Result<std::int64_t> SqliteStore::DataVersion() {
  return AboutDatabase(path_, connection_->QueryInt("SELECT version FROM data_version"));
}

Result<std::int64_t> SqliteStore::LinkDataVersion() {
  return AboutDatabase(path_, connection_->QueryInt("SELECT link_version FROM data_version"));
}

Result<std::vector<Country>> SqliteStore::ListCountries() {
  return AboutDatabase(path_, sql::ReadCountries(*connection_));
}
Result<std::vector<Relation>> SqliteStore::ListRelations() {
  return AboutDatabase(path_, sql::ReadRelations(*connection_));
}
Result<std::vector<MissingRelation>> SqliteStore::ListMissingRelations() {
  return AboutDatabase(path_, sql::ReadMissingRelations(*connection_));
}
Result<std::vector<Membership>> SqliteStore::ListMemberships() {
  return AboutDatabase(path_, sql::ReadMemberships(*connection_));
}
Result<std::vector<OrganizationMember>> SqliteStore::ListOrganizationMembers() {
  return AboutDatabase(path_, sql::ReadOrganizationMembers(*connection_));
}
Result<std::vector<TradeBlocMember>> SqliteStore::ListTradeBlocMembers() {
  return AboutDatabase(path_, sql::ReadTradeBlocMembers(*connection_));
}
Result<std::vector<TradeFlow>> SqliteStore::ListTradeFlows() {
  return AboutDatabase(path_, sql::ReadTradeFlows(*connection_));
}
Result<std::vector<DrugFact>> SqliteStore::ListDrugFacts() {
  return AboutDatabase(path_, sql::ReadDrugFacts(*connection_));
}
Result<std::vector<Place>> SqliteStore::ListPlaces() {
  return AboutDatabase(path_, sql::ReadPlaces(*connection_));
}
Result<RegistryCounts> SqliteStore::Counts() {
  return AboutDatabase(path_, sql::ReadCounts(*connection_));
}

Status SqliteStore::Write(const RegistryBatch& batch) {
  if (batch.empty()) return OkStatus();
  // The transaction rolls back when it goes out of scope uncommitted, so an error anywhere leaves
  // the database as it was.
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, sql::InsertBatch(*connection_, batch)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpDataVersion(*connection_)));
  return AboutDatabase(path_, transaction.Commit());
}

Status SqliteStore::AppendSeizures(const std::vector<Seizure>& seizures) {
  if (seizures.empty()) return OkStatus();
  return AppendSeizuresFrom([&seizures](const SeizureAppend& append) -> Status {
    for (const Seizure& seizure : seizures) ORDO_RETURN_IF_ERROR(append(seizure));
    return OkStatus();
  });
}

Status SqliteStore::AppendSeizuresFrom(const SeizureProducer& produce) {
  // A bulk write touches index pages all over the file (ids and days arrive in no order): a page
  // cache larger than the default 2 MB keeps them from being spilled to the log and rewritten.
  // Back to the default afterwards, so an idle connection holds little memory.
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, connection_->Execute(kBulkWriteCacheSize)));
  struct CacheReset {
    internal::Connection& connection;
    ~CacheReset() { (void)connection.Execute(kDefaultCacheSize); }
  } cache_reset{*connection_};
  // Foreign keys off for this write only: InsertSeizures checks every country code of every row
  // against the countries it read inside the same (IMMEDIATE, so nobody else writes meanwhile)
  // transaction, which costs a hash lookup instead of a B-tree probe per code. Other writers keep
  // enforcing the schema's references, and `ordo check` runs foreign_key_check (see
  // docs/architecture.md, "Storage"). The pragma cannot change inside a transaction.
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, connection_->Execute("PRAGMA foreign_keys = OFF")));
  struct ForeignKeysOn {
    internal::Connection& connection;
    ~ForeignKeysOn() { (void)connection.Execute("PRAGMA foreign_keys = ON"); }
  } foreign_keys_on{*connection_};
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  // The producer's own error comes back as it is; the store's errors name the database.
  std::optional<Error> store_error;
  std::size_t rows = 0;
  Status produced = internal::InsertSeizures(*connection_, [&](const SeizureAppend& append) {
    return produce([&](const Seizure& seizure) {
      ++rows;
      Status appended = append(seizure);
      if (!appended) store_error = AboutDatabase(path_, appended.error());
      return appended;
    });
  });
  if (store_error) return *store_error;
  ORDO_RETURN_IF_ERROR(produced);
  // An append of no rows changes nothing, the data version included.
  if (rows != 0) {
    ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpDataVersion(*connection_)));
  }
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::vector<Seizure>> SqliteStore::ListSeizures(const SeizureFilter& filter) {
  std::vector<Seizure> listed;
  ORDO_RETURN_IF_ERROR(ForEachSeizure(filter, [&listed](const Seizure& seizure) {
    listed.push_back(seizure);
    return OkStatus();
  }));
  return listed;
}

Result<std::size_t> SqliteStore::CountSeizures(const SeizureFilter& filter) {
  return AboutDatabase(path_, sql::CountSeizureRows(*connection_, filter));
}

Status SqliteStore::ForEachSeizure(const SeizureFilter& filter, const SeizureVisitor& visit) {
  return WalkRows<Seizure>(
      path_,
      [&](const SeizureVisitor& each) {
        return sql::VisitSeizures(*connection_, filter, each);
      },
      visit);
}

Status SqliteStore::AppendGraph(const GraphBatch& batch) {
  if (batch.entities.empty() && batch.links.empty()) return OkStatus();
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutDatabase(
      path_, sql::InsertGraph(*connection_, batch, [this](const std::string& case_id) {
        return sql::FindCaseCompartmentRow(*connection_, case_id);
      })));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpLinkDataVersion(*connection_)));
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::size_t> SqliteStore::CountEntities() {
  ORDO_TRY(count, AboutDatabase(path_, connection_->QueryInt("SELECT count(*) FROM entities")));
  return static_cast<std::size_t>(count);
}

Result<std::size_t> SqliteStore::CountLinks() {
  ORDO_TRY(count, AboutDatabase(path_, connection_->QueryInt("SELECT count(*) FROM links")));
  return static_cast<std::size_t>(count);
}

Result<std::optional<std::string>> SqliteStore::FindCaseCompartment(const std::string& case_id) {
  return AboutDatabase(path_, sql::FindCaseCompartmentRow(*connection_, case_id));
}

Result<std::optional<Entity>> SqliteStore::FindEntity(const std::string& entity_id) {
  return AboutDatabase(path_, sql::FindEntityRow(*connection_, entity_id));
}

Status SqliteStore::ForEachEntity(const EntityVisitor& visit) {
  return WalkRows<Entity>(
      path_,
      [&](const EntityVisitor& each) { return sql::ForEachEntityRow(*connection_, each); },
      visit);
}

Status SqliteStore::ForEachLink(const LinkVisitor& visit) {
  return WalkRows<Link>(
      path_, [&](const LinkVisitor& each) { return sql::ForEachLinkRow(*connection_, each); },
      visit);
}

Result<AuditRecord> SqliteStore::AppendAudit(const AuditEntry& entry) {
  ORDO_RETURN_IF_ERROR(CheckAuditEntry(entry));
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_TRY(record, AboutDatabase(path_, sql::InsertAuditRecord(*connection_, entry)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Commit()));
  return record;
}

Status SqliteStore::AppendAuditBatch(const std::vector<AuditEntry>& entries) {
  for (const AuditEntry& entry : entries) ORDO_RETURN_IF_ERROR(CheckAuditEntry(entry));
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  for (const AuditEntry& entry : entries) {
    auto inserted = AboutDatabase(path_, sql::InsertAuditRecord(*connection_, entry));
    if (!inserted) return inserted.error();  // the transaction rolls back: none is stored
  }
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::size_t> SqliteStore::CountAudit() {
  ORDO_TRY(count, AboutDatabase(path_, connection_->QueryInt("SELECT count(*) FROM audit_log")));
  return static_cast<std::size_t>(count);
}

Status SqliteStore::ForEachAudit(const AuditVisitor& visit) {
  return WalkRows<AuditRecord>(
      path_,
      [&](const AuditVisitor& each) { return sql::ForEachAuditRow(*connection_, 0, each); },
      visit);
}

Result<std::vector<AuditRecord>> SqliteStore::TailAudit(std::size_t count) {
  return AboutDatabase(path_, sql::TailAuditRows(*connection_, count));
}

Status SqliteStore::AddAccount(const StoredAccount& account) {
  ORDO_TRY(canonical, CanonicalAccount(account));
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, sql::InsertAccount(*connection_, canonical)));
  return AboutDatabase(path_, transaction.Commit());
}

Status SqliteStore::UpdateAccount(const StoredAccount& account) {
  ORDO_TRY(canonical, CanonicalAccount(account));
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutAccounts(path_, sql::ReplaceAccount(*connection_, canonical)));
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::optional<StoredAccount>> SqliteStore::FindAccount(const std::string& name) {
  return AboutDatabase(path_, sql::SelectAccount(*connection_, name));
}

Result<std::vector<Account>> SqliteStore::ListAccounts() {
  return AboutDatabase(path_, sql::SelectAccounts(*connection_));
}

Status SqliteStore::AddApiToken(const ApiToken& token) {
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutAccounts(path_, sql::InsertApiToken(*connection_, token)));
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::optional<ApiToken>> SqliteStore::FindApiToken(const std::string& token_hash) {
  return AboutDatabase(path_, sql::SelectApiToken(*connection_, token_hash));
}

Result<std::vector<ApiToken>> SqliteStore::ListApiTokens(const std::string& account) {
  return AboutDatabase(path_, sql::SelectApiTokens(*connection_, account));
}

Status SqliteStore::RevokeApiToken(const std::string& token_hash) {
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(
      AboutAccounts(path_, sql::MarkApiTokenRevoked(*connection_, token_hash)));
  return AboutDatabase(path_, transaction.Commit());
}

// Sessions and the failure count are accounts, not data: no data version bump.
Status SqliteStore::AddSession(const StoredSession& session) {
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  bool refused = false;
  Status added = sql::InsertSession(*connection_, session, &refused);
  if (!added) return refused ? added.error() : AboutDatabase(path_, added.error());
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::optional<StoredSession>> SqliteStore::FindSession(const std::string& token_hash) {
  return AboutDatabase(path_, sql::SelectSession(*connection_, token_hash));
}

Status SqliteStore::TouchSession(const std::string& token_hash, const std::string& seen_at) {
  return AboutDatabase(path_, sql::UpdateSessionSeen(*connection_, token_hash, seen_at));
}

Result<bool> SqliteStore::EndSession(const std::string& token_hash) {
  return AboutDatabase(path_, sql::DeleteSession(*connection_, token_hash));
}

Result<std::size_t> SqliteStore::EndExpiredSessions(const std::string& now,
                                                    const std::string& idle_since) {
  return AboutDatabase(path_, sql::DeleteExpiredSessions(*connection_, now, idle_since));
}

Result<std::optional<LoginFailures>> SqliteStore::RecordLoginFailure(
    const std::string& name, const std::string& now, int max_failures,
    const std::string& lock_until) {
  return AboutDatabase(path_,
                       sql::CountLoginFailure(*connection_, name, now, max_failures, lock_until));
}

Status SqliteStore::ClearLoginFailures(const std::string& name) {
  return AboutAccounts(path_, sql::ResetLoginFailures(*connection_, name));
}

// Graph jobs are not data: single statements, no data version bump, outside the write lock.
Status SqliteStore::AddGraphJob(const StoredGraphJob& job) {
  bool refused = false;
  Status added = sql::InsertGraphJob(*connection_, job, &refused);
  if (!added) return refused ? added.error() : AboutDatabase(path_, added.error());
  return OkStatus();
}

Result<bool> SqliteStore::UpdateGraphJob(const StoredGraphJob& job) {
  ORDO_RETURN_IF_ERROR(CheckGraphJob(job));
  return AboutDatabase(path_, sql::ReplacePendingGraphJob(*connection_, job));
}

Result<std::optional<StoredGraphJob>> SqliteStore::FindGraphJob(const std::string& id,
                                                                bool with_values) {
  return AboutDatabase(path_, sql::SelectGraphJob(*connection_, id, with_values));
}

Result<std::vector<StoredGraphJob>> SqliteStore::ListGraphJobs(const std::string& owner) {
  return AboutDatabase(path_, sql::SelectGraphJobs(*connection_, owner));
}

Result<std::size_t> SqliteStore::InterruptGraphJobs(const std::string& updated_before,
                                                    const std::string& now,
                                                    const std::string& error) {
  return AboutDatabase(path_,
                       sql::InterruptStaleGraphJobs(*connection_, updated_before, now, error));
}

Result<std::size_t> SqliteStore::ForgetGraphJobs(const std::string& finished_before,
                                                 std::size_t keep_per_owner) {
  return AboutDatabase(path_,
                       sql::DeleteOldGraphJobs(*connection_, finished_before, keep_per_owner));
}

Result<std::int64_t> SqliteStore::RecordMerge(const EntityMerge& merge) {
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  bool rule_broken = false;
  Result<std::int64_t> merge_id = sql::InsertMerge(*connection_, merge, &rule_broken);
  if (!merge_id) return rule_broken ? merge_id.error() : AboutDatabase(path_, merge_id.error());
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpLinkDataVersion(*connection_)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Commit()));
  return *merge_id;
}

Status SqliteStore::UndoMerge(std::int64_t merge_id, const std::string& undone_by,
                              const std::string& undone_at) {
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  bool rule_broken = false;
  Status undone =
      sql::MarkMergeUndone(*connection_, merge_id, undone_by, undone_at, &rule_broken);
  if (!undone) return rule_broken ? undone.error() : AboutDatabase(path_, undone.error());
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpLinkDataVersion(*connection_)));
  return AboutDatabase(path_, transaction.Commit());
}

Status SqliteStore::ForEachMerge(const MergeVisitor& visit) {
  return WalkRows<EntityMerge>(
      path_, [&](const MergeVisitor& each) { return sql::ForEachMergeRow(*connection_, each); },
      visit);
}

Status SqliteStore::AppendCultivation(const std::vector<CultivationRecord>& records) {
  if (records.empty()) return OkStatus();
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, sql::InsertCultivation(*connection_, records)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpDataVersion(*connection_)));
  return AboutDatabase(path_, transaction.Commit());
}

Status SqliteStore::AppendPrices(const std::vector<PriceRecord>& records) {
  if (records.empty()) return OkStatus();
  internal::Transaction transaction(*connection_);
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, transaction.Begin()));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, sql::InsertPrices(*connection_, records)));
  ORDO_RETURN_IF_ERROR(AboutDatabase(path_, BumpDataVersion(*connection_)));
  return AboutDatabase(path_, transaction.Commit());
}

Result<std::vector<CultivationRecord>> SqliteStore::ListCultivation(
    const CultivationFilter& filter) {
  return AboutDatabase(path_, sql::ReadCultivation(*connection_, filter));
}

Result<std::vector<PriceRecord>> SqliteStore::ListPrices(const PriceFilter& filter) {
  return AboutDatabase(path_, sql::ReadPrices(*connection_, filter));
}

Result<std::size_t> SqliteStore::CountCultivation(const CultivationFilter& filter) {
  return AboutDatabase(path_, sql::CountCultivationRows(*connection_, filter));
}

Result<std::size_t> SqliteStore::CountPrices(const PriceFilter& filter) {
  return AboutDatabase(path_, sql::CountPriceRows(*connection_, filter));
}

}  // namespace ordo::storage
