#pragma once
// PostgresStore: a RegistryStore, SeizureStore, NarcoticsRecordStore, LinkStore, AuditStore and
// AccountStore in a PostgreSQL database reached through libpq, with a versioned schema compiled into the binary
// (schema/NNNN_*.sql) and applied on open. docs/postgres.md describes the schema and how it would
// be sharded.

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

namespace pg_internal {
class Connection;
}  // namespace pg_internal

enum class PostgresOpenMode {
  // Create Ordo's tables when the database (its current schema) holds none. The database itself
  // must exist: Ordo never creates databases or roles.
  kCreateIfMissing,
  // The database must already hold Ordo's tables (older schemas are still upgraded).
  kMustExist,
};

// True when `target` names a PostgreSQL database (postgresql:// or postgres://) rather than a
// file.
bool IsPostgresUri(std::string_view target);

// `uri` without its password, for messages and logs.
std::string RedactPostgresUri(std::string_view uri);

// Keeps every contract exactly like the memory and SQLite backends (same errors and messages);
// storage/conformance holds it to them. Each write is one transaction that first takes the
// store's write lock (an advisory lock on the current schema), so writers run one at a time as
// SQLite's do and rows keep their write order; other connections see all of a write or none of
// it. Seizure appends stream every row through one COPY ... FROM STDIN. Doubles read back bit for
// bit (-0.0 and NaN included). Text cannot hold NUL characters (PostgreSQL refuses them).
// AppendAudit and AppendAuditBatch chain their records under the write lock (a batch in one
// transaction), so every connection and every server shares one chain, and
// the server refuses UPDATE, DELETE and TRUNCATE on the log (triggers).
//
// Errors besides the contracts': kUnavailable when the server cannot be reached, the connection
// is lost or the server is out of resources; kFailedPrecondition when the database holds tables
// of another application, values Ordo did not write, or a schema newer than this build. Messages
// about the database name it by its URI without the password.
//
// Thread-safety: one thread at a time per PostgresStore; any number of stores, in any processes,
// may use one database.
class PostgresStore final : public RegistryStore,
                            public SeizureStore,
                            public NarcoticsRecordStore,
                            public LinkStore,
                            public AuditStore,
                            public AccountStore,
                            public GraphJobStore {
 public:
  // Connects to `uri` (postgresql://user@host/db?..., any libpq URI) and migrates the schema.
  // Errors, each naming the URI:
  //   kInvalidArgument    not a PostgreSQL URI;
  //   kUnavailable        the server cannot be reached or refuses the connection;
  //   kFailedPrecondition another application's tables, a newer schema, or (kMustExist) no Ordo
  //                       tables yet.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& uri,
                                                     PostgresOpenMode mode);

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  static int LatestSchemaVersion();
  Result<int> SchemaVersion();

  // The URI given to Open, without its password.
  const std::string& Description() const { return description_; }

  // A number that changes with every committed write to the registry, seizures, cultivation,
  // prices, entities, links or merges, by any process (schema/0004_data_version.sql); accounts and
  // the audit log leave it alone. What `ordo serve` polls to notice another process's writes.
  Result<std::int64_t> DataVersion();
  // A number that changes with every committed write to entities, links or merges only, by any
  // process (schema/0007_link_data_version.sql): what `ordo serve` compares before it rebuilds its
  // entity graph.
  Result<std::int64_t> LinkDataVersion();

  // Row counts of every table Ordo keeps, by table name, in schema order; for `ordo migrate-data`.
  Result<std::vector<std::pair<std::string, std::size_t>>> TableCounts();

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
  // All or none, in one transaction under the write lock: one commit for the lot, and no other
  // writer's record lands inside the batch.
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
  PostgresStore(std::string description, std::unique_ptr<pg_internal::Connection> connection);

  std::string description_;
  std::unique_ptr<pg_internal::Connection> connection_;
};

}  // namespace ordo::storage
