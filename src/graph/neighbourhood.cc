#include "graph/neighbourhood.h"

#include <algorithm>
#include <string>

#include "graph/internal/node_marks.h"

namespace ordo::graph {
namespace {

struct Candidate {
  EdgeId edge;
  NodeId neighbour;
  bool outgoing;  // node -> neighbour; otherwise neighbour -> node
  float weight;
};

// Calls visit(edge, neighbour, outgoing) for each link of `node` that passes the filters, the
// neighbour's type included (a seed passes whatever its type: it is in the result anyway). With
// kBoth a self-loop is seen once, as an out-edge.
template <typename Visit>
void VisitLinks(const Graph& graph, NodeId node, const NeighbourhoodOptions& options,
                internal::NodeMarks& where, std::size_t seed_count, Visit&& visit) {
  const bool any_type = options.node_types.ContainsAll();  // skips a read per neighbour
  const bool any_link = options.links.AcceptsAll();
  auto admits = [&](NodeId neighbour) {
    if (any_type || options.node_types.Contains(graph.TypeOf(neighbour))) return true;
    const std::uint32_t* index = where.Find(neighbour);
    return index != nullptr && *index < seed_count;
  };
  if (options.direction != Direction::kIn) {
    const EdgeId end = graph.OutEnd(node);
    for (EdgeId edge = graph.OutBegin(node); edge < end; ++edge) {
      if (!any_link && !options.links.Accepts(graph, edge)) continue;
      const NodeId neighbour = graph.Target(edge);
      if (admits(neighbour)) visit(edge, neighbour, true);
    }
  }
  if (options.direction != Direction::kOut) {
    const bool skip_loops = options.direction == Direction::kBoth;
    const auto sources = graph.InSources(node);
    const auto edges = graph.InEdges(node);
    for (std::size_t i = 0; i < edges.size(); ++i) {
      if (skip_loops && sources[i] == node) continue;
      if (!any_link && !options.links.Accepts(graph, edges[i])) continue;
      if (admits(sources[i])) visit(edges[i], sources[i], false);
    }
  }
}

// The links a capped expansion follows from `node`: the strongest `cap` of those VisitLinks
// offers, strongest first. Returns how many were left out.
std::uint32_t StrongestLinks(const Graph& graph, NodeId node, const NeighbourhoodOptions& options,
                             internal::NodeMarks& where, std::size_t seed_count,
                             std::vector<Candidate>& followed) {
  followed.clear();
  VisitLinks(graph, node, options, where, seed_count,
             [&](EdgeId edge, NodeId neighbour, bool outgoing) {
               followed.push_back({edge, neighbour, outgoing, graph.Weight(edge)});
             });
  const std::size_t cap = options.max_links_per_node;
  const auto stronger = [](const Candidate& a, const Candidate& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.neighbour != b.neighbour) return a.neighbour < b.neighbour;
    return a.edge < b.edge;
  };
  if (followed.size() <= cap) {
    std::sort(followed.begin(), followed.end(), stronger);
    return 0;
  }
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
      // Without a cap, a link between two expanded nodes (kBoth) is followed from both ends: it
      // is kept from the end expanded first.
      auto follow = [&](EdgeId edge, NodeId neighbour, bool outgoing) {
        const auto [index, inserted] =
            where.Insert(neighbour, static_cast<std::uint32_t>(reached.size()));
        if (inserted) {
          reached.push_back({neighbour, hop, 0});
        } else if (both_ways && !capped && *index < i) {
          return;
        }
        links.push_back({edge, outgoing ? node : neighbour, outgoing ? neighbour : node});
      };
      if (capped) {
        reached[i].hidden_links = StrongestLinks(graph, node, options, where, seed_count, followed);
        for (const Candidate& link : followed) follow(link.edge, link.neighbour, link.outgoing);
      } else {
        VisitLinks(graph, node, options, where, seed_count, follow);
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
