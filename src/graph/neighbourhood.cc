#include "graph/neighbourhood.h"

#include <algorithm>
#include <string>

#include "graph/internal/node_map.h"

namespace ordo::graph {
namespace {

struct Candidate {
  EdgeId edge;
  NodeId neighbour;
  float weight;
};

// The links `node` follows: those that pass the filters (the neighbour's type included), capped
// to the strongest `cap`. Returns how many qualified links were left out.
std::uint32_t FollowedLinks(const Graph& graph, NodeId node, const NeighbourhoodOptions& options,
                            std::vector<Candidate>& followed) {
  followed.clear();
  ForEachLink(graph, node, options.direction, options.links, [&](EdgeId edge, NodeId neighbour) {
    if (options.node_types.Contains(graph.TypeOf(neighbour))) {
      followed.push_back({edge, neighbour, graph.Weight(edge)});
    }
  });
  const std::size_t cap = options.max_links_per_node;
  if (cap == 0 || followed.size() <= cap) return 0;
  const auto stronger = [](const Candidate& a, const Candidate& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.neighbour != b.neighbour) return a.neighbour < b.neighbour;
    return a.edge < b.edge;
  };
  std::nth_element(followed.begin(), followed.begin() + static_cast<std::ptrdiff_t>(cap),
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
  // Breadth-first by whole levels; `where` maps each reached node to its index in `reached`.
  std::vector<NeighbourhoodNode> reached;
  internal::NodeMap<std::uint32_t> where(seeds.size() * 4);
  for (NodeId seed : seeds) {
    if (where.Insert(seed, static_cast<std::uint32_t>(reached.size())).second) {
      reached.push_back({seed, 0, 0});
    }
  }
  std::sort(reached.begin(), reached.end(),
            [](const NeighbourhoodNode& a, const NeighbourhoodNode& b) { return a.node < b.node; });
  for (std::size_t i = 0; i < reached.size(); ++i) {
    *where.Find(reached[i].node) = static_cast<std::uint32_t>(i);
  }

  std::vector<Candidate> followed;
  std::vector<EdgeId> followed_edges;
  std::size_t level_begin = 0;
  for (std::uint32_t hop = 1; hop <= options.hops && level_begin < reached.size(); ++hop) {
    const std::size_t level_end = reached.size();
    for (std::size_t i = level_begin; i < level_end; ++i) {
      reached[i].hidden_links = FollowedLinks(graph, reached[i].node, options, followed);
      for (const Candidate& link : followed) {
        followed_edges.push_back(link.edge);
        if (where.Insert(link.neighbour, static_cast<std::uint32_t>(reached.size())).second) {
          reached.push_back({link.neighbour, hop, 0});
        }
      }
    }
    // Keep each level in node order, and the map in step.
    std::sort(reached.begin() + static_cast<std::ptrdiff_t>(level_end), reached.end(),
              [](const NeighbourhoodNode& a, const NeighbourhoodNode& b) {
                return a.node < b.node;
              });
    for (std::size_t i = level_end; i < reached.size(); ++i) {
      *where.Find(reached[i].node) = static_cast<std::uint32_t>(i);
    }
    level_begin = level_end;
  }

  Neighbourhood result;
  result.total_nodes = reached.size();
  const std::size_t page_begin = std::min(options.offset, reached.size());
  const std::size_t page_end = page_begin + std::min(options.limit, reached.size() - page_begin);
  result.nodes.assign(reached.begin() + static_cast<std::ptrdiff_t>(page_begin),
                      reached.begin() + static_cast<std::ptrdiff_t>(page_end));

  // A link followed from both ends (kBoth) is listed once.
  std::sort(followed_edges.begin(), followed_edges.end());
  followed_edges.erase(std::unique(followed_edges.begin(), followed_edges.end()),
                       followed_edges.end());
  for (EdgeId edge : followed_edges) {
    const NodeId source = graph.Source(edge);
    const NodeId target = graph.Target(edge);
    const std::uint32_t* a = where.Find(source);
    const std::uint32_t* b = where.Find(target);
    if (a == nullptr || b == nullptr) continue;
    const std::size_t last = std::max(*a, *b);
    if (last >= page_begin && last < page_end) result.links.push_back({edge, source, target});
  }
  return result;
}

}  // namespace ordo::graph
