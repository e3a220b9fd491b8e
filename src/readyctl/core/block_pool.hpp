// Memory for the node trees of a whole lint run: big chunks mapped at once and advised for transparent huge pages,
// handed out by a bump pointer per thread and returned together when the pool goes. A lint run's trees are tens of
// megabytes written once and read many times; in 4 KiB pages they cost a page fault per page and a TLB miss per
// stride, and per-document arenas left half of each block unused: together most of the run's wall time at 100,000
// objects (bench/README.md). Allocation takes no lock: each thread bumps through its own slab of a chunk.
#pragma once
#include <cstddef>
#include <memory_resource>
#include <mutex>
#include <vector>

namespace readyctl {

class BlockPool final : public std::pmr::memory_resource {
public:
  BlockPool();
  BlockPool(const BlockPool&) = delete;
  BlockPool& operator=(const BlockPool&) = delete;
  ~BlockPool() override;

  size_t mapped_bytes() const;

private:
  struct Chunk {
    void* base;
    size_t size;
  };
  void* do_allocate(size_t bytes, size_t alignment) override;
  void do_deallocate(void*, size_t, size_t) override {}  // everything goes with the pool
  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override { return this == &other; }
  void add_chunk(size_t at_least);
  void* take_slab(size_t bytes, size_t alignment);

  const unsigned long long m_id;  // tells this pool's thread-local slabs from those of a pool that went before
  mutable std::mutex m_mutex;     // guards the chunks; the loader parses on two threads
  std::vector<Chunk> m_chunks;
  char* m_next = nullptr;
  size_t m_left = 0;
};

}  // namespace readyctl
