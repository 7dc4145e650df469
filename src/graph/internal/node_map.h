#pragma once
// NodeMap: a small open-addressing hash map from NodeId to a value, for the searches that touch a
// few nodes of a large graph (expansion, point-to-point paths), where clearing an array of one
// entry per node would cost more than the search itself. Private to src/graph.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/graph.h"

namespace ordo::graph::internal {

template <typename Value>
class NodeMap {
 public:
  explicit NodeMap(std::size_t expected = 16) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.resize(capacity);
  }

  std::size_t size() const { return size_; }

  // The value of `node`, or nullptr. The pointer lasts until the next Insert.
  Value* Find(NodeId node) {
    for (std::size_t slot = Hash(node);; slot = (slot + 1) & Mask()) {
      if (slots_[slot].node == node) return &slots_[slot].value;
      if (slots_[slot].node == kNoNode) return nullptr;
    }
  }
  const Value* Find(NodeId node) const { return const_cast<NodeMap*>(this)->Find(node); }

  // Inserts `node` with `value` unless present. Returns the stored value and whether it is new.
  std::pair<Value*, bool> Insert(NodeId node, const Value& value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    for (std::size_t slot = Hash(node);; slot = (slot + 1) & Mask()) {
      if (slots_[slot].node == node) return {&slots_[slot].value, false};
      if (slots_[slot].node == kNoNode) {
        slots_[slot] = {node, value};
        ++size_;
        return {&slots_[slot].value, true};
      }
    }
  }

 private:
  struct Slot {
    NodeId node = kNoNode;
    Value value{};
  };

  std::size_t Mask() const { return slots_.size() - 1; }
  std::size_t Hash(NodeId node) const {
    // Fibonacci hashing spreads the dense, clustered ids of a CSR graph.
    return static_cast<std::size_t>((std::uint64_t{node} * 0x9E3779B97F4A7C15ull) >> 32) & Mask();
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.node != kNoNode) Insert(slot.node, slot.value);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace ordo::graph::internal
