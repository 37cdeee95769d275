// operator new and delete for the oneself binary: small blocks are kept per
// thread for reuse (memory/small_block_cache.h says why), everything else
// is malloc and free. Linked into the executable only, not the library, and
// left out of sanitizer builds, whose runtimes must see every allocation.
#include <cstdlib>
#include <new>

#include "memory/small_block_cache.h"
#include "sanitizers.h"

#ifndef ONESELF_SANITIZED

namespace {

using oneself::memory::SmallBlockCache;

// Trivially destructible, so it can be used at any time, even while other
// thread-local and static objects are destroyed. What a thread keeps when it
// ends is not freed: the host and the CLI run on their main thread alone,
// and the host exits without tearing down (main.cpp).
constinit thread_local SmallBlockCache t_kept;

void* Allocate(std::size_t size) {
  for (;;) {
    if (void* block = std::malloc(size == 0 ? 1 : size)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(std::size_t size) {
  if (size > SmallBlockCache::kLargest) return Allocate(size);
  if (void* block = t_kept.Take(size)) return block;
  return Allocate(SmallBlockCache::BlockBytes(size));
}

void operator delete(void* block) noexcept { std::free(block); }

void operator delete(void* block, std::size_t size) noexcept {
  if (block == nullptr) return;
  if (size <= SmallBlockCache::kLargest && t_kept.Keep(block, size)) return;
  std::free(block);
}

#endif  // ONESELF_SANITIZED
