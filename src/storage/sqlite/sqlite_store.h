#pragma once
// SqliteStore: a RegistryStore, SeizureStore and NarcoticsRecordStore in one SQLite database file, with a versioned schema that is
// compiled into the binary (schema/NNNN_*.sql) and applied on open.

#include <memory>
#include <string>
#include <vector>

#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/graph_job_store.h"
#include "storage/link_store.h"
#include "storage/narcotics_record_store.h"
#include "storage/registry_store.h"
#include "storage/seizure_store.h"

namespace ordo::storage {

namespace internal {
class Connection;
}  // namespace internal

enum class SqliteOpenMode {
  // Create the file when it does not exist and initialise the schema of a new, empty database.
  kCreateIfMissing,
  // The file must exist and already hold an Ordo database (older schemas are still upgraded).
  kMustExist,
};

// Implements the RegistryStore contract exactly like MemoryStore (same errors and messages).
// Each Write is one BEGIN IMMEDIATE transaction; other connections, in this process or others,
// see all of it or none of it. Doubles read back bit for bit with two exceptions SQLite makes:
// -0.0 reads back as 0.0, and NaN as a missing value.
//
// Errors besides the contract's: kUnavailable when the file cannot be read or written, or another
// connection holds the write lock longer than the busy timeout (5 s); kFailedPrecondition when the
// database is damaged or holds values Ordo did not write.
//
// Thread-safety: one thread at a time per SqliteStore, as RegistryStore. Several SqliteStores may
// open the same file, from this process or others; SQLite serialises their writes.
// The SeizureStore side follows its contract exactly like MemorySeizureStore; each AppendSeizures is
// one transaction with one prepared insert statement reused for every row. The
// NarcoticsRecordStore side follows its contract exactly like MemoryNarcoticsRecordStore, one
// transaction per append, and so does the LinkStore side like MemoryLinkStore. The AuditStore side
// appends each record in its own BEGIN IMMEDIATE transaction, so writers in several processes
// share one chain. The AccountStore side writes each change in one transaction.
class SqliteStore final : public RegistryStore,
                          public SeizureStore,
                          public NarcoticsRecordStore,
                          public LinkStore,
                          public AuditStore,
                          public AccountStore,
                          public GraphJobStore {
 public:
  // Opens (and with kCreateIfMissing creates) the database at `path`, sets the connection's
  // PRAGMAs and migrates the schema to LatestSchemaVersion(). Errors, each naming `path`:
  //   kNotFound           "database file not found: PATH" (kMustExist and no file);
  //   kFailedPrecondition "PATH is not an Ordo database: ..." (not SQLite, another application's
  //                       database, a directory, or an empty file with kMustExist), or a schema
  //                       newer than this build;
  //   kUnavailable        the file cannot be opened read-write (the reason from the OS), or is
  //                       locked;
  //   kInvalidArgument    an empty path.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, SqliteOpenMode mode);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // The newest schema version this build can read and create.
  static int LatestSchemaVersion();

  // The schema version of the open database (PRAGMA user_version); after a successful Open it is
  // LatestSchemaVersion().
  Result<int> SchemaVersion();

  // A number that changes with every committed write, through Ordo's stores, to the registry,
  // seizures, cultivation, prices, entities, links or merges (schema/0012_data_version.sql);
  // accounts and the audit log leave it alone. What `ordo serve` polls to notice another
  // process's writes.
  Result<std::int64_t> DataVersion();
  // A number that changes with every committed write, through Ordo's stores, to entities, links or
  // merges only (schema/0014_link_data_version.sql): what `ordo serve` compares before it rebuilds
  // its entity graph. A write that changes it changes DataVersion too.
  Result<std::int64_t> LinkDataVersion();

  // Runs PRAGMA integrity_check and foreign_key_check and checks that schema_migrations records
  // the schema version. kFailedPrecondition listing the first problems when any check fails.
  Status IntegrityCheck();

  // The path given to Open.
  const std::string& Path() const { return path_; }

  Result<std::vector<Country>> ListCountries() override;
  Result<std::vector<Relation>> ListRelations() override;
  Result<std::vector<MissingRelation>> ListMissingRelations() override;
  Result<std::vector<Membership>> ListMemberships() override;
  Result<std::vector<OrganizationMember>> ListOrganizationMembers() override;
  Result<std::vector<TradeBlocMember>> ListTradeBlocMembers() override;
  Result<std::vector<TradeFlow>> ListTradeFlows() override;
  Result<std::vector<DrugFact>> ListDrugFacts() override;
  Result<std::vector<Place>> ListPlaces() override;
  Result<RegistryCounts> Counts() override;
  Status Write(const RegistryBatch& batch) override;

  Status AppendSeizures(const std::vector<Seizure>& seizures) override;
  Status AppendSeizuresFrom(const SeizureProducer& produce) override;
  Result<std::vector<Seizure>> ListSeizures(const SeizureFilter& filter) override;
  Result<std::size_t> CountSeizures(const SeizureFilter& filter) override;
  Status ForEachSeizure(const SeizureFilter& filter, const SeizureVisitor& visit) override;

  Status AppendCultivation(const std::vector<CultivationRecord>& records) override;
  Status AppendPrices(const std::vector<PriceRecord>& records) override;
  Result<std::vector<CultivationRecord>> ListCultivation(const CultivationFilter& filter) override;
  Result<std::vector<PriceRecord>> ListPrices(const PriceFilter& filter) override;
  Result<std::size_t> CountCultivation(const CultivationFilter& filter) override;
  Result<std::size_t> CountPrices(const PriceFilter& filter) override;

  Status AppendGraph(const GraphBatch& batch) override;
  Result<std::size_t> CountEntities() override;
  Result<std::size_t> CountLinks() override;
  Result<std::optional<Entity>> FindEntity(const std::string& entity_id) override;
  // One answer for both interfaces (LinkStore's and SeizureStore's): this database keeps a case in
  // one compartment across its seizures, entities and links.
  Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) override;
  Status ForEachEntity(const EntityVisitor& visit) override;
  Status ForEachLink(const LinkVisitor& visit) override;
  Result<std::int64_t> RecordMerge(const EntityMerge& merge) override;
  Status UndoMerge(std::int64_t merge_id, const std::string& undone_by,
                   const std::string& undone_at) override;
  Status ForEachMerge(const MergeVisitor& visit) override;

  Result<AuditRecord> AppendAudit(const AuditEntry& entry) override;
  // All or none, in one transaction: one commit for the lot.
  Status AppendAuditBatch(const std::vector<AuditEntry>& entries) override;
  Result<std::size_t> CountAudit() override;
  Status ForEachAudit(const AuditVisitor& visit) override;
  Result<std::vector<AuditRecord>> TailAudit(std::size_t count) override;

  Status AddAccount(const StoredAccount& account) override;
  Status UpdateAccount(const StoredAccount& account) override;
  Result<std::optional<StoredAccount>> FindAccount(const std::string& name) override;
  Result<std::vector<Account>> ListAccounts() override;
  Status AddApiToken(const ApiToken& token) override;
  Result<std::optional<ApiToken>> FindApiToken(const std::string& token_hash) override;
  Result<std::vector<ApiToken>> ListApiTokens(const std::string& account) override;
  Status RevokeApiToken(const std::string& token_hash) override;

  Status AddSession(const StoredSession& session) override;
  Result<std::optional<StoredSession>> FindSession(const std::string& token_hash) override;
  Status TouchSession(const std::string& token_hash, const std::string& seen_at) override;
  Result<bool> EndSession(const std::string& token_hash) override;
  Result<std::size_t> EndExpiredSessions(const std::string& now,
                                         const std::string& idle_since) override;
  Result<std::optional<LoginFailures>> RecordLoginFailure(const std::string& name,
                                                          const std::string& now, int max_failures,
                                                          const std::string& lock_until) override;
  Status ClearLoginFailures(const std::string& name) override;

  Status AddGraphJob(const StoredGraphJob& job) override;
  Result<bool> UpdateGraphJob(const StoredGraphJob& job) override;
  Result<std::optional<StoredGraphJob>> FindGraphJob(const std::string& id,
                                                     bool with_values) override;
  Result<std::vector<StoredGraphJob>> ListGraphJobs(const std::string& owner) override;
  Result<std::size_t> InterruptGraphJobs(const std::string& updated_before, const std::string& now,
                                         const std::string& error) override;
  Result<std::size_t> ForgetGraphJobs(const std::string& finished_before,
                                      std::size_t keep_per_owner) override;

 private:
  SqliteStore(std::string path, std::unique_ptr<internal::Connection> connection);

  std::string path_;
  std::unique_ptr<internal::Connection> connection_;
};

}  // namespace ordo::storage
