#pragma once
// The runs an MPI job still has to do, cut into batches for the ranks. A batch is made of
// whole aligned completion blocks of the global run order (kRunsPerBlock runs: runs
// [16b, 16b + 16) less those already complete), so a rank's file fills whole blocks and a
// merge reads long stretches of consecutive rows.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "agents/output/run_blocks.hpp"

namespace seccoop::app {

class RunBatches {
 public:
  /// `pending`: global run indices in increasing order.
  explicit RunBatches(const std::vector<std::uint64_t>& pending) {
    for (const auto run : pending) {
      if (blocks_.empty() ||
          blocks_.back().front() / agents::kRunsPerBlock != run / agents::kRunsPerBlock) {
        blocks_.emplace_back();
      }
      blocks_.back().push_back(run);
    }
  }

  /// The next blocks, at least one and together at most `wanted` runs (when a block fits);
  /// empty once every run is handed out.
  std::vector<std::uint64_t> take(std::size_t wanted) {
    std::vector<std::uint64_t> batch;
    while (!blocks_.empty() && (batch.empty() || batch.size() + blocks_.front().size() <= wanted)) {
      batch.insert(batch.end(), blocks_.front().begin(), blocks_.front().end());
      blocks_.pop_front();
    }
    return batch;
  }

 private:
  std::deque<std::vector<std::uint64_t>> blocks_;
};

/// Runs a rank asks for at a time: enough to keep its threads busy (the pipeline holds up to
/// 2 runs per thread), in whole blocks.
inline std::size_t runs_wanted(std::size_t threads) {
  const std::size_t busy = std::max<std::size_t>(2 * threads, agents::kRunsPerBlock);
  return (busy + agents::kRunsPerBlock - 1) / agents::kRunsPerBlock * agents::kRunsPerBlock;
}

}  // namespace seccoop::app
