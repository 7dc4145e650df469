#pragma once
// The arcs of a RandomGraph that a query's filters let through, so that igraph, which knows
// nothing of types and days, can be asked the same question on the filtered graph.

#include <cstddef>

#include "graph/link_filter.h"
#include "graph/testing/random_graph.h"

namespace ordo::graph::testing {

// The arcs that `links` accepts and whose ends both have a type in `node_types` or are `keep`
// (a seed or a path's end, which the queries always allow).
inline ArcList FilteredArcs(const RandomGraph& g, const LinkFilter& links,
                            const TypeSet& node_types, std::vector<NodeId> keep) {
  auto allowed = [&](NodeId node) {
    return node_types.Contains(g.graph.TypeOf(node)) ||
           std::find(keep.begin(), keep.end(), node) != keep.end();
  };
  ArcList arcs;
  for (const EdgeSpec& spec : g.specs) {
    const bool valid = !links.as_of || (spec.valid_from <= *links.as_of && *links.as_of <= spec.valid_to);
    if (!valid || !links.link_types.Contains(spec.type)) continue;
    if (!allowed(spec.source) || !allowed(spec.target)) continue;
    arcs.emplace_back(spec.source, spec.target);
  }
  return arcs;
}

inline Mode ToMode(Direction direction) {
  if (direction == Direction::kOut) return Mode::kOut;
  if (direction == Direction::kIn) return Mode::kIn;
  return Mode::kAll;
}

}  // namespace ordo::graph::testing
