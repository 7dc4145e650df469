#pragma once
// LinkFilter: which edges a query may use (link types, and validity on an "as of" day), and
// ForEachLink, the one loop over a node's edges in a Direction that the queries share.

#include <optional>

#include "graph/graph.h"

namespace ordo::graph {

struct LinkFilter {
  TypeSet link_types;     // default: every link type
  std::optional<Day> as_of;  // when set, only edges valid on that day (valid_from <= day <= valid_to)

  // True when the filter lets every edge through, so that loops may skip it.
  bool AcceptsAll() const { return !as_of && link_types.ContainsAll(); }

  bool Accepts(const Graph& graph, EdgeId edge) const {
    return link_types.Contains(graph.LinkTypeOf(edge)) && (!as_of || graph.ValidOn(edge, *as_of));
  }
};

// Calls visit(edge, neighbour) for each edge of `node` in `direction` that `filter` accepts: the
// out-edges (neighbour = head) in ascending head order, then the in-edges (neighbour = tail) in
// ascending tail order. With kBoth a self-loop is seen twice, as igraph's IGRAPH_ALL sees it.
template <typename Visit>
void ForEachLink(const Graph& graph, NodeId node, Direction direction, const LinkFilter& filter,
                 Visit&& visit) {
  if (filter.AcceptsAll()) {
    // The same loops without a look at each edge's attributes (the in-edges' ids point all over).
    if (direction != Direction::kIn) {
      const EdgeId begin = graph.OutBegin(node);
      const auto targets = graph.OutTargets(node);
      for (std::size_t i = 0; i < targets.size(); ++i) {
        visit(static_cast<EdgeId>(begin + i), targets[i]);
      }
    }
    if (direction != Direction::kOut) {
      const auto sources = graph.InSources(node);
      const auto edges = graph.InEdges(node);
      for (std::size_t i = 0; i < edges.size(); ++i) visit(edges[i], sources[i]);
    }
    return;
  }
  if (direction != Direction::kIn) {
    const EdgeId begin = graph.OutBegin(node);
    const EdgeId end = graph.OutEnd(node);
    for (EdgeId edge = begin; edge < end; ++edge) {
      if (filter.Accepts(graph, edge)) visit(edge, graph.Target(edge));
    }
  }
  if (direction != Direction::kOut) {
    const auto sources = graph.InSources(node);
    const auto edges = graph.InEdges(node);
    for (std::size_t i = 0; i < edges.size(); ++i) {
      if (filter.Accepts(graph, edges[i])) visit(edges[i], sources[i]);
    }
  }
}

// The direction a search from the other end walks: kOut <-> kIn; kBoth stays.
inline Direction Reverse(Direction direction) {
  if (direction == Direction::kOut) return Direction::kIn;
  if (direction == Direction::kIn) return Direction::kOut;
  return Direction::kBoth;
}

}  // namespace ordo::graph
