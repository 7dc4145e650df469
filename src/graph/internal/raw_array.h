#pragma once
// RawArray<T>: a fixed-size array of a trivial type that is left uninitialised, for the large
// working arrays of whole-graph kernels.
// - Nothing touches its pages until the kernel writes them, so threads that fill their own ranges
//   also fault their own pages in, in parallel, where a std::vector would first zero all of it on
//   one thread.
// - Arrays of 2 MiB and more are aligned to 2 MiB and ask Linux for transparent huge pages
//   (madvise; this machine's setting is "madvise"). On the benchmark's R-MAT graph this took
//   PageRank's arc copy from 32-50 to 18-22 ms, mostly page faults, and its sweeps from 125-170 to
//   106-120 ms, from fewer TLB misses on the random reads. The first such array of a process can
//   be slower (the kernel assembles the huge pages then).
// Private to src/graph.

#include <cstddef>
#include <cstdlib>
#include <sys/mman.h>
#include <new>
#include <type_traits>
#include <utility>

namespace ordo::graph::internal {

template <typename T>
class RawArray {
  static_assert(std::is_trivial_v<T>, "RawArray leaves its elements uninitialised");

 public:
  RawArray() = default;
  explicit RawArray(std::size_t size) : size_(size) {
    if (size == 0) return;
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    const std::size_t bytes = size * sizeof(T);
    const std::size_t align = bytes >= kHuge ? kHuge : 64;
    const std::size_t rounded = (bytes + align - 1) / align * align;
    data_ = static_cast<T*>(std::aligned_alloc(align, rounded));
    if (data_ == nullptr) throw std::bad_alloc();
    if (align == kHuge) madvise(data_, rounded, MADV_HUGEPAGE);  // a hint; failure is harmless
  }
  ~RawArray() { std::free(data_); }
  RawArray(RawArray&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  RawArray& operator=(RawArray&& other) noexcept {
    if (this != &other) {
      std::free(data_);
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  RawArray(const RawArray&) = delete;
  RawArray& operator=(const RawArray&) = delete;

  // Lowers the size to `size` (at most the present one), keeping the allocation: the pages past
  // it that were never written stay unbacked, and nothing is copied.
  void Truncate(std::size_t size) {
    if (size < size_) size_ = size;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace ordo::graph::internal
