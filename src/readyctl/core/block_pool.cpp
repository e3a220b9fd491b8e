#include "readyctl/core/block_pool.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <new>

#include <sys/mman.h>

#include "readyctl/core/huge_heap.hpp"

namespace readyctl {

namespace {

constexpr size_t k_pool_huge_page = k_huge_page_bytes;
constexpr size_t k_pool_chunk = size_t{16} << 20;
constexpr size_t k_pool_slab = size_t{1} << 20;

std::atomic<unsigned long long> g_next_pool_id{1};

// This thread's place in one pool's slab.
struct SlabCursor {
  unsigned long long pool = 0;
  char* next = nullptr;
  size_t left = 0;
};
thread_local SlabCursor t_slab;

size_t pool_round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

}  // namespace

BlockPool::BlockPool() : m_id(g_next_pool_id++) {}

BlockPool::~BlockPool()
{
  for (const Chunk& c : m_chunks) ::munmap(c.base, c.size);
}

size_t BlockPool::mapped_bytes() const
{
  std::lock_guard lock(m_mutex);
  size_t total = 0;
  for (const Chunk& c : m_chunks) total += c.size;
  return total;
}

// Maps a chunk on a huge-page boundary (over-map by one huge page, unmap the slack) and asks for huge pages; where
// the kernel has transparent huge pages off, madvise fails and the chunk is ordinary memory.
void BlockPool::add_chunk(size_t at_least)
{
  const size_t size = pool_round_up(std::max(at_least, k_pool_chunk), k_pool_huge_page);
  void* raw = ::mmap(nullptr, size + k_pool_huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = pool_round_up(start, k_pool_huge_page);
  if (aligned > start) ::munmap(raw, aligned - start);
  const uintptr_t tail = aligned + size;
  if (start + size + k_pool_huge_page > tail) ::munmap(reinterpret_cast<void*>(tail), start + size + k_pool_huge_page - tail);
  auto* base = reinterpret_cast<char*>(aligned);
#ifdef MADV_HUGEPAGE
  (void)::madvise(base, size, MADV_HUGEPAGE);
#endif
  m_chunks.push_back({base, size});
  m_next = base;
  m_left = size;
}

void* BlockPool::take_slab(size_t bytes, size_t alignment)
{
  std::lock_guard lock(m_mutex);
  size_t pad = pool_round_up(reinterpret_cast<uintptr_t>(m_next), alignment) - reinterpret_cast<uintptr_t>(m_next);
  if (!m_next || pad + bytes > m_left) {
    add_chunk(bytes + alignment);
    pad = 0;
  }
  char* p = m_next + pad;
  m_next = p + bytes;
  m_left -= pad + bytes;
  return p;
}

void* BlockPool::do_allocate(size_t bytes, size_t alignment)
{
  SlabCursor& slab = t_slab;
  if (slab.pool == m_id) {
    const auto at = reinterpret_cast<uintptr_t>(slab.next);
    const size_t pad = pool_round_up(at, alignment) - at;
    if (pad + bytes <= slab.left) {
      char* p = slab.next + pad;
      slab.next = p + bytes;
      slab.left -= pad + bytes;
      return p;
    }
  }
  if (bytes > k_pool_slab / 4) return take_slab(bytes, alignment);  // big blocks: straight from the chunk
  slab = {m_id, static_cast<char*>(take_slab(k_pool_slab, alignof(std::max_align_t))), k_pool_slab};
  return do_allocate(bytes, alignment);
}

}  // namespace readyctl
