#include "graph/neighbourhood.h"

#include <algorithm>
#include <string>

#include "graph/internal/node_marks.h"

namespace ordo::graph {
namespace {

struct Candidate {
  EdgeId edge;
  NodeId neighbour;
  float weight;
};

// The links `node` follows: those that pass the filters (the neighbour's type included), capped
// to the strongest `cap` (then in order of strength). Returns how many qualified links were left
// out.
std::uint32_t FollowedLinks(const Graph& graph, NodeId node, const NeighbourhoodOptions& options,
                            internal::NodeMarks& where, std::size_t seed_count,
                            std::vector<Candidate>& followed) {
  followed.clear();
  const bool any_type = options.node_types.ContainsAll();  // skips a read per neighbour
  // With kBoth a self-loop is seen as an out- and as an in-edge; it is one link.
  const bool both_ways = options.direction == Direction::kBoth;
  std::size_t first_loop = kNoNode;
  ForEachLink(graph, node, options.direction, options.links, [&](EdgeId edge, NodeId neighbour) {
    if (neighbour == node && both_ways) {
      if (first_loop == kNoNode) first_loop = followed.size();
      for (std::size_t k = first_loop; k < followed.size(); ++k) {
        if (followed[k].edge == edge) return;
      }
    }
    // A seed is in the result whatever its type, so links to it are followed too.
    if (any_type || options.node_types.Contains(graph.TypeOf(neighbour))) {
      followed.push_back({edge, neighbour, 0});
    } else if (const std::uint32_t* index = where.Find(neighbour);
               index != nullptr && *index < seed_count) {
      followed.push_back({edge, neighbour, 0});
    }
  });
  const std::size_t cap = options.max_links_per_node;
  if (cap == 0 || followed.size() <= cap) return 0;
  for (Candidate& candidate : followed) candidate.weight = graph.Weight(candidate.edge);
  const auto stronger = [](const Candidate& a, const Candidate& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.neighbour != b.neighbour) return a.neighbour < b.neighbour;
    return a.edge < b.edge;
  };
  std::partial_sort(followed.begin(), followed.begin() + static_cast<std::ptrdiff_t>(cap),
                    followed.end(), stronger);
  const auto hidden = static_cast<std::uint32_t>(followed.size() - cap);
  followed.resize(cap);
  return hidden;
}

}  // namespace

Result<Neighbourhood> ExpandNeighbourhood(const Graph& graph, std::span<const NodeId> seeds,
                                          const NeighbourhoodOptions& options) {
  for (NodeId seed : seeds) {
    if (seed >= graph.NodeCount()) {
      return InvalidArgument("neighbourhood: seed " + std::to_string(seed) + " is not a node");
    }
  }
  // Breadth-first by whole levels. `reached` is the result in order; `where` maps a reached node
  // to its index there.
  std::vector<NeighbourhoodNode> reached;
  internal::NodeMarks& where = internal::NodeMarks::ForThisThread(graph.NodeCount());
  for (NodeId seed : seeds) {
    if (where.Insert(seed, static_cast<std::uint32_t>(reached.size())).second) {
      reached.push_back({seed, 0, 0});
    }
  }
  const std::size_t seed_count = reached.size();  // seeds come first in `reached`
  std::vector<Candidate> followed;
  std::vector<NeighbourhoodLink> links;
  // Whether a link can be followed from both its ends and be found twice.
  const bool both_ways = options.direction == Direction::kBoth;
  const bool capped = options.max_links_per_node != 0;
  std::size_t level_begin = 0;
  for (std::uint32_t hop = 1; hop <= options.hops && level_begin < reached.size(); ++hop) {
    const std::size_t level_end = reached.size();
    for (std::size_t i = level_begin; i < level_end; ++i) {
      const NodeId node = reached[i].node;
      reached[i].hidden_links =
          FollowedLinks(graph, node, options, where, seed_count, followed);
      const EdgeId out_begin = graph.OutBegin(node);
      const EdgeId out_end = graph.OutEnd(node);
      // Without a cap, a link between two expanded nodes (kBoth) is followed from both ends: it
      // is kept from the end expanded first.
      const bool skip_repeats = both_ways && !capped;
      for (const Candidate& link : followed) {
        const bool outgoing = out_begin <= link.edge && link.edge < out_end;
        const auto [index, inserted] =
            where.Insert(link.neighbour, static_cast<std::uint32_t>(reached.size()));
        if (inserted) {
          reached.push_back({link.neighbour, hop, 0});
        } else if (skip_repeats && *index < i) {
          continue;
        }
        links.push_back({link.edge, outgoing ? node : link.neighbour,
                         outgoing ? link.neighbour : node});
      }
    }
    level_begin = level_end;
  }

  Neighbourhood result;
  result.total_nodes = reached.size();
  const std::size_t page_begin = std::min(options.offset, reached.size());
  const std::size_t page_end = page_begin + std::min(options.limit, reached.size() - page_begin);
  if (both_ways && capped) {
    // With a cap, one end may have kept a link the other end dropped: find repeats by edge id.
    std::sort(links.begin(), links.end(), [](const NeighbourhoodLink& a,
                                             const NeighbourhoodLink& b) { return a.edge < b.edge; });
    links.erase(std::unique(links.begin(), links.end(),
                            [](const NeighbourhoodLink& a, const NeighbourhoodLink& b) {
                              return a.edge == b.edge;
                            }),
                links.end());
  }
  if (page_begin == 0 && page_end == reached.size()) {
    result.nodes = std::move(reached);
    result.links = std::move(links);
    return result;
  }
  result.nodes.assign(reached.begin() + static_cast<std::ptrdiff_t>(page_begin),
                      reached.begin() + static_cast<std::ptrdiff_t>(page_end));
  for (const NeighbourhoodLink& link : links) {
    const std::size_t last = std::max(*where.Find(link.source), *where.Find(link.target));
    if (last >= page_begin && last < page_end) result.links.push_back(link);
  }
  return result;
}

}  // namespace ordo::graph
