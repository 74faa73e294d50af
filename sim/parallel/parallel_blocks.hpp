#pragma once
// Parallelism inside one run, for large worlds: a loop over independent items (cartels,
// regions) split into fixed blocks on the oneTBB pool that runs the experiment's runs. Each
// item is computed by the same code whichever thread takes its block, and no block reduces
// across items, so results are bit-identical to the serial loop for any thread count. Small
// loops stay serial: below `kParallelItemsMin` items a task costs more than it saves.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <cstddef>

#include "sim/parallel/tsan_annotations.hpp"

namespace seccoop::sim {

inline constexpr std::size_t kParallelItemsMin = 4096;
inline constexpr std::size_t kParallelBlock = 1024;

/// Calls body(begin, end) over [0, count) in blocks; in parallel only for large counts.
template <class Body>
void for_each_block(std::size_t count, Body&& body) {
  if (count < kParallelItemsMin) {
    body(std::size_t{0}, count);
    return;
  }
  // ThreadSanitizer cannot see TBB hand the blocks out and back (tsan_annotations.hpp).
  detail::hand_over(&detail::kBlockChannels.start);
  oneapi::tbb::parallel_for(
      oneapi::tbb::blocked_range<std::size_t>(0, count, kParallelBlock),
      [&](const oneapi::tbb::blocked_range<std::size_t>& range) {
        detail::take_over(&detail::kBlockChannels.start);
        body(range.begin(), range.end());
        detail::hand_over(&detail::kBlockChannels.done);
      },
      oneapi::tbb::simple_partitioner());
  detail::take_over(&detail::kBlockChannels.done);
}

}  // namespace seccoop::sim
