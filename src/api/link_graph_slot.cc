#include "api/link_graph_slot.h"

#include <atomic>

#include "analytics/country_directory.h"
#include "graph/degree.h"

namespace ordo::api {
namespace {

std::atomic<std::uint64_t> graph_builds{0};

}  // namespace

std::uint64_t LinkGraphSlot::BuildCount() { return graph_builds.load(std::memory_order_relaxed); }

void LinkGraphSlot::AdoptGraphs(LinkGraphSlot& previous) {
  std::scoped_lock lock(mutex_, previous.mutex_);
  graphs_ = previous.graphs_;
}

std::shared_ptr<const GraphSnapshot> MakeGraphSnapshot(analytics::LinkGraph links) {
  auto snapshot = std::make_shared<GraphSnapshot>();
  snapshot->degree = graph::Degrees(links.graph, graph::Direction::kBoth);
  snapshot->folded_names.reserve(links.names.size());
  for (const std::string& name : links.names) {
    snapshot->folded_names.push_back(analytics::FoldForMatching(name));
  }
  snapshot->highest = analytics::HighestMarking(links);
  snapshot->links = std::move(links);
  return snapshot;
}

Result<std::unique_ptr<storage::LinkStore>> LinkGraphSlot::OpenStore() const {
  if (!open_) return FailedPrecondition("this server has no entity graph");
  return open_();
}

Result<std::shared_ptr<const GraphSnapshot>> LinkGraphSlot::Get(const Visibility& visibility) {
  std::lock_guard lock(mutex_);
  const std::string key = visibility.Key();
  if (const auto found = graphs_.find(key); found != graphs_.end()) return found->second;
  ORDO_TRY(store, OpenStore());
  ORDO_TRY(links, analytics::BuildLinkGraph(*store, visibility));
  graph_builds.fetch_add(1, std::memory_order_relaxed);
  return graphs_.emplace(key, MakeGraphSnapshot(std::move(links))).first->second;
}

}  // namespace ordo::api
