// Freed small blocks kept for reuse, by size class. The oneself binary puts
// one per thread behind operator new and delete (host/src/new_delete.cpp).
//
// Why: a check builds and frees a few hundred JSON nodes and strings of a
// handful of sizes, all at once. glibc's per-thread cache keeps 7 blocks per
// size; the rest go to its bins, and the next large allocation (the page's
// 2,600-character about) makes it sort them all back. Keeping freed blocks
// here instead made the allocator's share of a warm check fall from a
// quarter of its instructions (bench/README.md).
//
// Every block comes from malloc and may go back to free at any time: a
// class holds blocks malloc'd at its full size, so a block taken from it
// fits any request of the class, and an unsized delete simply frees.
#pragma once

#include <cstddef>
#include <new>

namespace oneself::memory {

class SmallBlockCache {
 public:
  static constexpr size_t kGranule = 16;  // malloc's alignment on 64-bit
  static constexpr size_t kLargest = 256;
  static constexpr size_t kClasses = kLargest / kGranule;
  // Kept at most, all classes together: what a check frees, with room.
  static constexpr size_t kMaxBytes = size_t{1} << 20;

  // The class of a request of `size` bytes (1..kLargest; 0 counts as 1).
  static constexpr size_t ClassOf(size_t size) { return size == 0 ? 0 : (size - 1) / kGranule; }
  // What to malloc for a request of `size` bytes: its class's full size.
  static constexpr size_t BlockBytes(size_t size) { return (ClassOf(size) + 1) * kGranule; }

  // A kept block for a request of `size` bytes (<= kLargest), or nullptr.
  void* Take(size_t size) {
    Node*& head = heads_[ClassOf(size)];
    Node* node = head;
    if (node == nullptr) return nullptr;
    head = node->next;
    bytes_ -= BlockBytes(size);
    return node;
  }

  // Keeps `block`, allocated for `size` bytes (<= kLargest), unless full;
  // returns whether it did. A block not kept is the caller's to free.
  bool Keep(void* block, size_t size) {
    const size_t bytes = BlockBytes(size);
    if (bytes_ + bytes > kMaxBytes) return false;
    Node*& head = heads_[ClassOf(size)];
    head = ::new (block) Node{head};
    bytes_ += bytes;
    return true;
  }

  size_t bytes() const { return bytes_; }

 private:
  struct Node {
    Node* next;
  };
  Node* heads_[kClasses] = {};
  size_t bytes_ = 0;
};

}  // namespace oneself::memory
