#include "graph/betweenness.h"

#include <deque>

namespace ordo::graph {

std::vector<double> DirectedBetweenness(const std::vector<std::vector<std::size_t>>& out) {
  const std::size_t n = out.size();
  std::vector<double> score(n, 0);
  std::vector<double> paths(n);   // shortest paths from the source
  std::vector<long> distance(n);  // -1: not reached
  std::vector<double> dependency(n);
  std::vector<std::size_t> order;  // vertices in the order reached
  order.reserve(n);
  for (std::size_t source = 0; source < n; ++source) {
    std::fill(paths.begin(), paths.end(), 0);
    std::fill(distance.begin(), distance.end(), -1);
    std::fill(dependency.begin(), dependency.end(), 0);
    order.clear();
    paths[source] = 1;
    distance[source] = 0;
    std::deque<std::size_t> queue{source};
    while (!queue.empty()) {
      const std::size_t v = queue.front();
      queue.pop_front();
      order.push_back(v);
      for (std::size_t w : out[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push_back(w);
        }
        if (distance[w] == distance[v] + 1) paths[w] += paths[v];
      }
    }
    // Back-propagation in order of decreasing distance: each w passes its dependency to the
    // predecessors v on a shortest path, in proportion to their path counts.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const std::size_t v = *it;
      for (std::size_t w : out[v]) {
        if (distance[w] == distance[v] + 1) {
          dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
        }
      }
      if (v != source) score[v] += dependency[v];
    }
  }
  return score;
}

}  // namespace ordo::graph
