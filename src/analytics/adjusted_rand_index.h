#pragma once
// The adjusted Rand index (Hubert and Arabie 1985) between two partitions of the same items: 1 when
// they agree exactly (whatever the labels), about 0 for a partition no better than chance, negative
// when worse. It is the pair-counting Rand index corrected for the agreement expected by chance
// under the permutation model, computed from the contingency table of the two labellings:
//
//   ARI = (sum_ij C(n_ij, 2) - E) / ((sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2 - E),
//   E   = sum_i C(a_i, 2) * sum_j C(b_j, 2) / C(n, 2),
//
// with n_ij the items labelled i in `a` and j in `b`, a_i and b_j the row and column sums. When
// the denominator is 0 (both partitions put everything in one group, or both put each item apart,
// or fewer than two items) the partitions agree and the index is 1. Used to report how well Ordo's
// communities recover the groups planted by `ordo simulate --cases` (docs/graph.md).

#include <cstdint>
#include <span>

#include "core/result.h"

namespace ordo::analytics {

// `a` and `b` label the same items in the same order (any labels). kInvalidArgument when their
// sizes differ. O(n) expected time.
Result<double> AdjustedRandIndex(std::span<const std::uint32_t> a,
                                 std::span<const std::uint32_t> b);

}  // namespace ordo::analytics
