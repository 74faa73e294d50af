#pragma once
// Process-wide allocator setting for executables that simulate many runs (seccoop, the
// benchmarks). Each run allocates its record (a few MB: tens of series by weeks, some of
// them cartels wide) and frees it when the run is written. With glibc's defaults, freeing
// such a block returns its pages to the OS (the heap top is trimmed past 128 KiB, later past
// twice the dynamic mmap threshold), so the next run faults every page in again: ~330 page
// faults, about 0.5 ms of a 1.4 ms core run (docs/performance.md). Keeping freed memory in
// the process lets the next run reuse the same, already mapped, pages.
#include <cstdlib>  // any C library header defines __GLIBC__ when the C library is glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace seccoop::sim {

/// Keeps freed heap memory in the process instead of returning it to the OS after every run.
/// Call once, at program start, before any thread starts. Without glibc, does nothing.
inline void retain_freed_heap_memory() {
#if defined(__GLIBC__)
  // Blocks up to 32 MiB (glibc's maximum for this setting) come from the heap rather than a
  // mapping of their own, so that freeing them does not unmap them; larger ones still do.
  static_cast<void>(mallopt(M_MMAP_THRESHOLD, 32 << 20));
  // Up to 64 MiB of free memory at the top of a heap is kept rather than trimmed: the peak a
  // sweep's records reach is kept for the next runs, not given back and faulted in again.
  static_cast<void>(mallopt(M_TRIM_THRESHOLD, 64 << 20));
#endif
}

}  // namespace seccoop::sim
