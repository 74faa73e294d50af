// The benchmarks use Google Benchmark's main(); this sets, before it runs, the allocator
// setting seccoop's main() sets (sim/parallel/heap_retention.hpp), so that whole runs are
// measured as the executable runs them.
#include "sim/parallel/heap_retention.hpp"

namespace {

[[maybe_unused]] const bool kHeapRetained = [] {
  seccoop::sim::retain_freed_heap_memory();
  return true;
}();

}  // namespace
