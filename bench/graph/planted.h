#pragma once
// A seeded graph with planted communities for the graph benchmarks (a stochastic block model with
// LFR-like community sizes): community sizes drawn from a power law (exponent 2, between
// min_size and max_size) until every node has one, nodes assigned to them in a shuffled order;
// each edge leaves a uniformly chosen node and, with probability 1 - mixing, ends at a uniformly
// chosen member of the same community, else at any node. Edge directions are as drawn;
// self-loops and parallel edges are kept. The community of each node is the ground truth.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "bench/graph/rmat.h"

namespace ordo::bench {

struct PlantedParameters {
  std::uint32_t node_count = 1 << 20;  // 1,048,576
  std::size_t edge_count = 12'000'000;
  std::uint32_t min_size = 20;
  std::uint32_t max_size = 2000;
  double mixing = 0.3;  // share of edges that leave their community
  std::uint64_t seed = 20261202;
};

struct PlantedGraph {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<std::uint32_t> community;  // the planted community of each node
  std::size_t community_count = 0;
};

inline PlantedGraph GeneratePlanted(const PlantedParameters& p) {
  SplitMix64 random(p.seed);
  PlantedGraph planted;
  const std::uint32_t n = p.node_count;
  // Sizes: inverse-transform sampling of a power law with exponent 2 on [min, max].
  std::vector<std::uint32_t> sizes;
  for (std::uint32_t placed = 0; placed < n;) {
    const double u = random.NextUnit();
    const double lo = 1.0 / p.min_size;
    const double hi = 1.0 / p.max_size;
    auto size = static_cast<std::uint32_t>(1.0 / (lo - u * (lo - hi)));
    size = std::clamp(std::min(size, n - placed), std::uint32_t{1}, p.max_size);
    sizes.push_back(size);
    placed += size;
  }
  planted.community_count = sizes.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (std::uint32_t i = n - 1; i > 0; --i) {
    std::swap(order[i], order[random.Below(std::uint64_t{i} + 1)]);
  }
  // order[first[c] .. first[c + 1]) are the members of community c.
  std::vector<std::uint32_t> first(sizes.size() + 1, 0);
  for (std::size_t c = 0; c < sizes.size(); ++c) first[c + 1] = first[c] + sizes[c];
  planted.community.resize(n);
  for (std::size_t c = 0; c < sizes.size(); ++c) {
    for (std::uint32_t i = first[c]; i < first[c + 1]; ++i) {
      planted.community[order[i]] = static_cast<std::uint32_t>(c);
    }
  }
  planted.edges.resize(p.edge_count);
  for (auto& [from, to] : planted.edges) {
    from = static_cast<std::uint32_t>(random.Below(n));
    if (random.NextUnit() < p.mixing) {
      to = static_cast<std::uint32_t>(random.Below(n));
    } else {
      const std::uint32_t c = planted.community[from];
      to = order[first[c] + random.Below(first[c + 1] - first[c])];
    }
  }
  return planted;
}

// The adjusted Rand index of two partitions of the same nodes (Hubert and Arabie 1985): 1 when
// they agree, about 0 for unrelated ones.
inline double AdjustedRandIndex(const std::vector<std::uint32_t>& a,
                                const std::vector<std::uint32_t>& b) {
  const std::size_t n = a.size();
  if (n < 2 || b.size() != n) return 0;
  auto pairs = [](double x) { return x * (x - 1) / 2; };
  std::vector<std::uint64_t> cells(n);
  for (std::size_t v = 0; v < n; ++v) cells[v] = (std::uint64_t{a[v]} << 32) | b[v];
  std::sort(cells.begin(), cells.end());
  double both = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && cells[j] == cells[i]) ++j;
    both += pairs(static_cast<double>(j - i));
    i = j;
  }
  auto sum_of_pairs = [&](const std::vector<std::uint32_t>& labels) {
    std::vector<std::uint32_t> sorted(labels);
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (std::size_t i = 0; i < n;) {
      std::size_t j = i;
      while (j < n && sorted[j] == sorted[i]) ++j;
      sum += pairs(static_cast<double>(j - i));
      i = j;
    }
    return sum;
  };
  const double in_a = sum_of_pairs(a);
  const double in_b = sum_of_pairs(b);
  const double expected = in_a * in_b / pairs(static_cast<double>(n));
  const double maximum = (in_a + in_b) / 2;
  return maximum == expected ? 1.0 : (both - expected) / (maximum - expected);
}

}  // namespace ordo::bench
