// Room on the heap for a run that is about to allocate a lot: grows the heap once by `bytes` (address space only)
// and advises that range for transparent huge pages. glibc grows the heap in small steps of 4 KiB pages; a lint run
// over 100,000 objects then spends more time in page faults and TLB misses walking its graph than in its checks
// (bench/README.md). Where the kernel has transparent huge pages off, this only reserves address space.
#pragma once
#include <cstddef>

namespace readyctl {

// The size of a transparent huge page on x86-64 and of the alignment that lets the kernel use one.
inline constexpr size_t k_huge_page_bytes = size_t{2} << 20;

// False where malloc is not glibc's heap (AddressSanitizer builds): then reserving does nothing.
bool heap_reservation_supported();

void reserve_huge_heap(size_t bytes);

// What `lint` and `baseline` reserve before they start (the lint loader reserves more for big inputs). Other
// commands (a game day runs for hours) keep glibc's defaults, which give memory back.
inline constexpr size_t k_command_heap_bytes = size_t{64} << 20;

}  // namespace readyctl
