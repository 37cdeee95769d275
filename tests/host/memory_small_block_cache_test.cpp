// SmallBlockCache (memory/small_block_cache.h), the free lists behind the
// oneself binary's operator new and delete: which class a size falls in,
// that a kept block comes back for any request of its class and never for
// another, and that it keeps no more than its limit.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "memory/small_block_cache.h"

using oneself::memory::SmallBlockCache;

namespace {

// Gives back what a test kept, as the binary's delete would have.
void FreeAll(SmallBlockCache& cache) {
  for (size_t size = SmallBlockCache::kGranule; size <= SmallBlockCache::kLargest; size += SmallBlockCache::kGranule) {
    while (void* block = cache.Take(size)) std::free(block);
  }
  CHECK(cache.bytes() == 0);
}

}  // namespace

TEST_CASE("small blocks: sizes fall in classes 16 bytes apart", "[memory]") {
  CHECK(SmallBlockCache::ClassOf(0) == 0);
  CHECK(SmallBlockCache::ClassOf(1) == 0);
  CHECK(SmallBlockCache::ClassOf(16) == 0);
  CHECK(SmallBlockCache::ClassOf(17) == 1);
  CHECK(SmallBlockCache::ClassOf(SmallBlockCache::kLargest) == SmallBlockCache::kClasses - 1);
  for (size_t size = 0; size <= SmallBlockCache::kLargest; ++size) {
    INFO("size " << size);
    CHECK(SmallBlockCache::BlockBytes(size) >= (size == 0 ? 1 : size));
    CHECK(SmallBlockCache::BlockBytes(size) - size < SmallBlockCache::kGranule + (size == 0 ? 1 : 0));
    CHECK(SmallBlockCache::BlockBytes(size) % SmallBlockCache::kGranule == 0);
  }
}

TEST_CASE("small blocks: a kept block serves its class only, last kept first", "[memory]") {
  SmallBlockCache cache;
  CHECK(cache.Take(24) == nullptr);
  void* a = std::malloc(SmallBlockCache::BlockBytes(24));
  void* b = std::malloc(SmallBlockCache::BlockBytes(30));
  REQUIRE(cache.Keep(a, 24));
  REQUIRE(cache.Keep(b, 30));
  CHECK(cache.bytes() == 2 * SmallBlockCache::BlockBytes(24));
  CHECK(cache.Take(16) == nullptr);  // another class
  CHECK(cache.Take(48) == nullptr);
  void* first = cache.Take(32);  // any size of the class: 17..32
  void* second = cache.Take(17);
  CHECK(first == b);
  CHECK(second == a);
  CHECK(cache.Take(20) == nullptr);
  // A block taken back is the caller's whole: it can be written and freed.
  std::memset(first, 0xab, SmallBlockCache::BlockBytes(32));
  std::free(first);
  std::free(second);
  CHECK(cache.bytes() == 0);
}

TEST_CASE("small blocks: no more than the limit is kept", "[memory]") {
  SmallBlockCache cache;
  const size_t size = SmallBlockCache::kLargest;
  const size_t fits = SmallBlockCache::kMaxBytes / SmallBlockCache::BlockBytes(size);
  std::vector<void*> refused;
  for (size_t i = 0; i < fits + 3; ++i) {
    void* block = std::malloc(SmallBlockCache::BlockBytes(size));
    if (!cache.Keep(block, size)) refused.push_back(block);
  }
  CHECK(refused.size() == 3);
  CHECK(cache.bytes() == fits * SmallBlockCache::BlockBytes(size));
  // Full for the large class is full for every class.
  void* small = std::malloc(SmallBlockCache::BlockBytes(1));
  CHECK_FALSE(cache.Keep(small, 1));
  std::free(small);
  for (void* block : refused) std::free(block);
  FreeAll(cache);
}
