/* What fresh memory costs on this machine: maps MB mebibytes, advises them for transparent huge pages (as readyctl's
 * node pool and heap are), writes one byte per 4 KiB page and prints the seconds and GB/s. The kernel zeroes every
 * page on first touch; on a VM the host may have to back it too. Run it at readyctl's 1x and 10x peak sizes to see
 * whether the machine charges more per byte for the bigger footprint:
 *   cc -O2 -o /tmp/fresh_memory bench/lint/fresh_memory.c && /tmp/fresh_memory 56 && /tmp/fresh_memory 396
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char** argv)
{
  if (argc != 2 || atol(argv[1]) <= 0) {
    fprintf(stderr, "usage: fresh_memory MEBIBYTES\n");
    return 2;
  }
  size_t bytes = (size_t)atol(argv[1]) << 20;
  double start = now();
  char* p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    return 3;
  }
  madvise(p, bytes, MADV_HUGEPAGE);
  for (size_t i = 0; i < bytes; i += 4096) p[i] = 1;
  double seconds = now() - start;
  printf("%s MiB: %.3f s, %.2f GB/s\n", argv[1], seconds, (double)bytes / 1e9 / seconds);
  return 0;
}
