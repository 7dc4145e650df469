#pragma once
// LinkGraphSlot: the entity graph the /api/v1/graph routes answer from, built from the link store
// the first time a route of a serving generation asks for it (snapshot_provider.h) and then shared,
// immutable, by every request and job of that generation. A generation starts when the database
// file changes, so the graph is rebuilt after `ordo import ftm` without a restart; requests and jobs
// that hold the previous graph finish with it.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analytics/link_graph.h"
#include "core/result.h"
#include "core/visibility.h"
#include "storage/link_store.h"

namespace ordo::api {

// Opens a store over the entities and links of the database being served. Called from worker
// threads, one call at a time per slot.
using LinkStoreOpener = std::function<Result<std::unique_ptr<storage::LinkStore>>()>;

// The graph with what the routes look up on every request, computed once.
struct GraphSnapshot {
  analytics::LinkGraph links;
  std::vector<std::uint32_t> degree;     // by node: links at either end, a self-loop twice
  std::vector<std::string> folded_names;  // by node: analytics::FoldForMatching(name)
  // The highest marking of the whole graph: what an answer computed on all of it carries.
  Marking highest = Marking::kUnmarked;
};

// Builds a GraphSnapshot from a LinkGraph (the degrees and folded names).
std::shared_ptr<const GraphSnapshot> MakeGraphSnapshot(analytics::LinkGraph links);

// Thread-safe.
class LinkGraphSlot {
 public:
  // `open` may be empty: the server then has no entity graph and Get says so.
  explicit LinkGraphSlot(LinkStoreOpener open) : open_(std::move(open)) {}
  LinkGraphSlot(const LinkGraphSlot&) = delete;
  LinkGraphSlot& operator=(const LinkGraphSlot&) = delete;

  // The graph of the compartments `visibility` sees (docs/compartments.md), built on the first call
  // for that visibility (other callers wait for it) and kept per Visibility::Key(): each reader
  // computes on a graph that holds nothing of another compartment. A failed build is not kept: the
  // next call tries again. Errors: kFailedPrecondition when the slot has no opener; what opening
  // the store or BuildLinkGraph returns.
  Result<std::shared_ptr<const GraphSnapshot>> Get(const Visibility& visibility = Visibility::Every());

  // Takes over the graphs `previous` has built so far (same store, same entities, links and
  // merges: the provider checked the link data version), so this generation does not build them
  // again. Call before the slot is shared.
  void AdoptGraphs(LinkGraphSlot& previous);

  // Graphs built by every slot of this process since it started: what GET /api/v1/health reports
  // as graph_builds, so that a test can tell a rebuild from a kept graph.
  static std::uint64_t BuildCount();

  // A store of its own for the caller (one thread), to read what the graph does not hold (an
  // entity's properties). Same errors as the opener; kFailedPrecondition without one.
  Result<std::unique_ptr<storage::LinkStore>> OpenStore() const;
  // The opener itself, for work that outlives the request (a job on its own thread); may be empty.
  const LinkStoreOpener& Opener() const { return open_; }

 private:
  const LinkStoreOpener open_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const GraphSnapshot>> graphs_;  // by Visibility::Key()
};

}  // namespace ordo::api
