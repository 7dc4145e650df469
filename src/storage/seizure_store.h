#pragma once
// SeizureStore: the storage interface for drug seizure records (core/seizure.h), kept apart from
// RegistryStore so that backends and callers that do not handle seizures need not know them.
// Backends: memory/memory_seizure_store.h and sqlite/sqlite_store.h.

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "core/drug.h"
#include "core/ids.h"
#include "core/partial_date.h"
#include "core/result.h"
#include "core/seizure.h"
#include "core/visibility.h"

namespace ordo::storage {

// Which seizures a read returns. Empty optionals match everything.
struct SeizureFilter {
  // A seizure matches when every day its date may mean lies within [from's first day, to's last
  // day]: from = 2024 and to = 2024 match "2024", "2024-03" and "2024-03-17".
  std::optional<PartialDate> from;
  std::optional<PartialDate> to;
  std::optional<Drug> drug;
  std::optional<CountryCode> country;  // country of seizure
  std::optional<bool> synthetic;
  // Only rows of the compartments it sees; every compartment by default (the database's owner).
  Visibility visibility;
  std::size_t offset = 0;  // matching rows to skip
  std::size_t limit = 0;   // at most this many rows after the offset; 0 = no limit
};

// True when `seizure` passes every condition of `filter` but offset and limit.
bool SeizureMatches(const SeizureFilter& filter, const Seizure& seizure);

// Called once per matching seizure, in write order. Returning an error stops the walk and makes
// ForEachSeizure return that error. The reference is valid only during the call.
using SeizureVisitor = std::function<Status(const Seizure&)>;

// Hands rows to a store one at a time: a producer calls `append` for each row and stops at the
// first error `append` returns, returning it (or its own error).
using SeizureAppend = std::function<Status(const Seizure&)>;
using SeizureProducer = std::function<Status(const SeizureAppend& append)>;

// Rules every backend enforces, with the same codes and messages:
//   uniqueness: seizure_id, across the store and within a batch -> kAlreadyExists
//     "seizure 'ID' already exists";
//   references: country, origin, departure, destination and every transit code must name a stored
//     country -> kInvalidArgument "seizure 'ID': unknown country 'XXX'";
//   an empty seizure_id, or lat without lon (or the reverse) -> kInvalidArgument;
//   compartment a CheckCompartmentName name -> kInvalidArgument
//     "seizure 'ID': compartment name ...";
//   one case, one compartment (storage/compartment_rules.h): a case_id held by a stored seizure
//     or an earlier row of the batch of another compartment -> kInvalidArgument
//     "case 'C' is in compartment 'A'; seizure 'ID' is in 'B'".
// Reads return rows in write order (first batch first, then row order).
//
// Thread-safety: a store instance is used by one thread at a time.
class SeizureStore {
 public:
  virtual ~SeizureStore() = default;

  // Appends every row of `seizures` atomically: on any error nothing is written. Errors as above,
  // and kUnavailable when the backend cannot write.
  virtual Status AppendSeizures(const std::vector<Seizure>& seizures) = 0;

  // As AppendSeizures for the rows `produce` hands over, without the caller holding them all: all
  // of them are written or, when `produce` or any row fails, none. The producer's own error is
  // returned as it is. The store must not be used from inside `produce`.
  virtual Status AppendSeizuresFrom(const SeizureProducer& produce) = 0;

  // The matching rows, after offset, at most limit.
  virtual Result<std::vector<Seizure>> ListSeizures(const SeizureFilter& filter) = 0;

  // The number of matching rows, ignoring offset and limit.
  virtual Result<std::size_t> CountSeizures(const SeizureFilter& filter) = 0;

  // Calls `visit` for each row ListSeizures would return, without holding them all in memory.
  // The store must not be written from inside `visit`.
  virtual Status ForEachSeizure(const SeizureFilter& filter, const SeizureVisitor& visit) = 0;

  // The compartment of the stored seizures of case `case_id` (not ""), or nullopt when no seizure
  // has that case. A store that also holds entities and links answers for them too (as
  // LinkStore::FindCaseCompartment).
  virtual Result<std::optional<std::string>> FindCaseCompartment(const std::string& case_id) = 0;
};

}  // namespace ordo::storage
