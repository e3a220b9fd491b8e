// The run-wide memory pieces: the node pool (bump allocation per thread, alignment, big blocks, pools that follow
// each other at one address) and the heap reservation advised for huge pages.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "readyctl/core/block_pool.hpp"
#include "readyctl/core/huge_heap.hpp"

using namespace readyctl;

namespace {

bool aligned(const void* p, size_t to) { return reinterpret_cast<uintptr_t>(p) % to == 0; }

// Fills `count` blocks of `size` bytes with `tag` and returns them.
std::vector<unsigned char*> fill(BlockPool& pool, size_t count, size_t size, unsigned char tag)
{
  std::vector<unsigned char*> out;
  for (size_t i = 0; i < count; ++i) {
    auto* p = static_cast<unsigned char*>(pool.allocate(size, 8));
    std::memset(p, tag, size);
    out.push_back(p);
  }
  return out;
}

bool all_equal(const std::vector<unsigned char*>& blocks, size_t size, unsigned char tag)
{
  return std::all_of(blocks.begin(), blocks.end(),
                     [&](unsigned char* p) { return std::all_of(p, p + size, [&](unsigned char c) { return c == tag; }); });
}

// The VmFlags line of the mapping that holds `address`, from /proc/self/smaps.
std::optional<std::string> vm_flags_at(uintptr_t address)
{
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2 && line.find(' ') > line.find('-'))
      inside = lo <= address && address < hi;
    else if (inside && line.starts_with("VmFlags:"))
      return line;
  }
  return std::nullopt;
}

}  // namespace

TEST_SUITE("core")
{
  TEST_CASE("block pool: aligned, disjoint blocks, small and large, that keep their bytes until the pool goes")
  {
    BlockPool pool;
    std::vector<void*> blocks;
    for (size_t align : {1, 2, 8, 16, 64, 4096}) {
      void* p = pool.allocate(24, align);
      CHECK(aligned(p, align));
      blocks.push_back(p);
    }
    auto small = fill(pool, 50000, 40, 0xab);           // many slabs' worth
    auto big = fill(pool, 3, size_t{20} << 20, 0xcd);  // larger than a chunk: a chunk of its own
    CHECK(all_equal(small, 40, 0xab));
    CHECK(all_equal(big, size_t{20} << 20, 0xcd));
    std::set<unsigned char*> distinct(small.begin(), small.end());
    CHECK(distinct.size() == small.size());
    CHECK(pool.mapped_bytes() >= 3 * (size_t{20} << 20) + 50000 * 40);
  }

  TEST_CASE("block pool: two threads allocate at once without sharing a byte")
  {
    BlockPool pool;
    std::vector<unsigned char*> a, b;
    std::thread t1([&] { a = fill(pool, 40000, 32, 0x11); });
    std::thread t2([&] { b = fill(pool, 40000, 32, 0x22); });
    t1.join();
    t2.join();
    CHECK(all_equal(a, 32, 0x11));
    CHECK(all_equal(b, 32, 0x22));
  }

  TEST_CASE("block pool: a pool made where another was freed does not use the old pool's slab")
  {
    auto first = std::make_unique<BlockPool>();
    (void)first->allocate(16, 8);  // this thread now has a slab in the first pool's memory
    first.reset();                 // unmapped
    BlockPool second;
    auto blocks = fill(second, 1000, 64, 0x5a);  // would fault on the unmapped slab
    CHECK(all_equal(blocks, 64, 0x5a));
  }

  TEST_CASE("heap reservation: the heap grows and the new range is advised for huge pages")
  {
    if (!heap_reservation_supported()) return;  // sanitizer builds: malloc is not glibc's heap
    reserve_huge_heap(size_t{96} << 20);
    // The heap top now lies in an advised range (VmFlags "hg"), unless the kernel has no transparent huge pages.
    std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string mode;
    std::getline(thp, mode);
    void* p = std::malloc(64);
    std::optional<std::string> flags = vm_flags_at(reinterpret_cast<uintptr_t>(p) + (size_t{8} << 20));
    std::free(p);
    REQUIRE(flags);
    if (mode.find("[never]") == std::string::npos) CHECK(flags->find(" hg") != std::string::npos);
  }
}
