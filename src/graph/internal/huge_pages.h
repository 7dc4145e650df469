#pragma once
// HugePageVector: a std::vector whose buffer, once it reaches 2 MiB, is aligned to 2 MiB and
// marked for transparent huge pages (madvise MADV_HUGEPAGE; Debian's default THP mode is
// "madvise", so nothing else asks for them). The graph kernels read such arrays at random -- the
// ranks a PageRank sweep pulls, the communities local moving looks up -- and with 4 KiB pages
// nearly every such read also misses the TLB; with 2 MiB pages a 4 MiB array needs two entries.
// When the kernel has no huge page to give, the memory is ordinary memory: only speed differs.
// Private to src/graph.

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

namespace ordo::graph::internal {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() noexcept = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebinding converts

  T* allocate(std::size_t count) {
    if (count > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = count * sizeof(T);
    if (bytes < kHugePageBytes) return std::allocator<T>().allocate(count);
    void* memory = std::aligned_alloc(kHugePageBytes, Rounded(bytes));
    if (memory == nullptr) throw std::bad_alloc();
    ::madvise(memory, Rounded(bytes), MADV_HUGEPAGE);  // advice only: a refusal costs speed
    return static_cast<T*>(memory);
  }

  void deallocate(T* memory, std::size_t count) noexcept {
    if (count * sizeof(T) < kHugePageBytes) {
      std::allocator<T>().deallocate(memory, count);
    } else {
      std::free(memory);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }

 private:
  static std::size_t Rounded(std::size_t bytes) {
    return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace ordo::graph::internal
