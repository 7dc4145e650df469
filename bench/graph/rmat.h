#pragma once
// A seeded R-MAT (recursive matrix, Chakrabarti et al. 2004; the Graph500 Kronecker generator's
// parameters) edge list for the graph benchmarks: 2^scale nodes, each edge placed by descending
// `scale` levels of a 2x2 matrix with probabilities a, b, c, d; node ids then shuffled so that the
// hubs are not all at low ids. Self-loops and parallel edges are kept, as generated.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace ordo::bench {

struct RmatParameters {
  int scale = 20;                    // 2^20 = 1,048,576 nodes
  std::size_t edge_count = 10'000'000;
  double a = 0.57, b = 0.19, c = 0.19;  // d = 1 - a - b - c = 0.05 (Graph500)
  std::uint64_t seed = 20261201;
};

// SplitMix64: a small, fast, well-mixed generator; the same seed gives the same graph everywhere.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double NextUnit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  std::uint64_t Below(std::uint64_t bound) { return Next() % bound; }

 private:
  std::uint64_t state_;
};

inline std::vector<std::pair<std::uint32_t, std::uint32_t>> GenerateRmat(
    const RmatParameters& p) {
  SplitMix64 random(p.seed);
  const std::uint32_t n = std::uint32_t{1} << p.scale;
  std::vector<std::uint32_t> relabel(n);
  std::iota(relabel.begin(), relabel.end(), 0u);
  for (std::uint32_t i = n - 1; i > 0; --i) {
    std::swap(relabel[i], relabel[random.Below(std::uint64_t{i} + 1)]);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges(p.edge_count);
  for (auto& [from, to] : edges) {
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    for (int level = 0; level < p.scale; ++level) {
      const double r = random.NextUnit();
      const std::uint32_t down = r >= p.a + p.b ? 1 : 0;
      const std::uint32_t right = (r >= p.a && r < p.a + p.b) || r >= p.a + p.b + p.c ? 1 : 0;
      row = (row << 1) | down;
      column = (column << 1) | right;
    }
    from = relabel[row];
    to = relabel[column];
  }
  return edges;
}

}  // namespace ordo::bench
