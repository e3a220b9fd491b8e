#include "readyctl/core/huge_heap.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace readyctl {

namespace {

constexpr uintptr_t k_heap_huge_page = k_huge_page_bytes;
constexpr size_t k_heap_probe = size_t{16} << 20;  // below glibc's largest mmap threshold (32 MiB), so it comes from the heap
constexpr size_t k_heap_max_probes = 16;

}  // namespace

bool heap_reservation_supported()
{
#if defined(__SANITIZE_ADDRESS__)
  return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#else
  return true;
#endif
#else
  return true;
#endif
}

void reserve_huge_heap(size_t bytes)
{
  if (!heap_reservation_supported() || bytes < (size_t{16} << 20)) return;  // small runs fit the default heap
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, INT_MAX);  // keep what we reserve: returning it would fault it in again
  mallopt(M_TOP_PAD, static_cast<int>(std::min<size_t>(bytes, INT_MAX)));  // mallopt takes an int: ~2 GiB at most
  const auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  // glibc grows the heap by request + pad once its free top is used up: take probes from the top until it does. The
  // writes keep the compiler from eliding allocations nobody reads.
  char* volatile probes[k_heap_max_probes] = {};
  uintptr_t after = before;
  for (size_t i = 0; i < k_heap_max_probes && after == before; ++i) {
    probes[i] = static_cast<char*>(std::malloc(k_heap_probe));
    if (probes[i]) probes[i][0] = 0;
    after = reinterpret_cast<uintptr_t>(sbrk(0));
  }
  for (char* p : probes) std::free(p);
  mallopt(M_TOP_PAD, 32 << 20);
  const uintptr_t start = (before + k_heap_huge_page - 1) / k_heap_huge_page * k_heap_huge_page;
  if (after > start) (void)madvise(reinterpret_cast<void*>(start), after - start, MADV_HUGEPAGE);
}

}  // namespace readyctl
