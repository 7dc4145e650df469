#pragma once
// NodeMarks: a per-thread array with one slot per node that maps the nodes one query has reached
// to a 32-bit value, cleared in O(1) between queries by moving to a new epoch. A query on a large
// graph then needs neither an O(n) allocation nor a hash probe per edge; the price is 8 bytes per
// node for each thread that has run such a query. Private to src/graph.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace ordo::graph::internal {

class NodeMarks {
 public:
  // This thread's marks, cleared and sized for `node_count` nodes. The reference stays valid on
  // this thread; the next call to ForThisThread clears the marks again, so a query must not call
  // it while it still uses them.
  static NodeMarks& ForThisThread(std::size_t node_count) {
    thread_local NodeMarks marks;
    marks.Reset(node_count);
    return marks;
  }

  // The value of `node`, or nullptr when this query has not reached it.
  std::uint32_t* Find(NodeId node) {
    Slot& slot = slots_[node];
    return slot.epoch == epoch_ ? &slot.value : nullptr;
  }

  // Inserts `node` with `value` unless present. Returns the stored value and whether it is new.
  std::pair<std::uint32_t*, bool> Insert(NodeId node, std::uint32_t value) {
    Slot& slot = slots_[node];
    const bool inserted = slot.epoch != epoch_;
    if (inserted) slot = {epoch_, value};
    return {&slot.value, inserted};
  }

 private:
  void Reset(std::size_t node_count) {
    if (slots_.size() < node_count) slots_.resize(node_count, Slot{});
    if (++epoch_ == 0) {  // after 2^32 - 1 queries: start over
      std::fill(slots_.begin(), slots_.end(), Slot{});
      epoch_ = 1;
    }
  }

  struct Slot {
    std::uint32_t epoch = 0;  // the query that wrote `value`; 0: none
    std::uint32_t value = 0;
  };
  std::vector<Slot> slots_;
  std::uint32_t epoch_ = 0;
};

}  // namespace ordo::graph::internal
