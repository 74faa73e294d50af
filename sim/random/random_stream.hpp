#pragma once
// Counter-based random streams (Random123 Philox4x64-10).
//
// Every draw in a simulation is a pure function of
//   key     = (master seed, run index)
//   counter = (week, entity, purpose, block)
// so results do not depend on thread count, shard, rank or the order in which agents are
// visited. A stream is cheap to construct: make one where it is needed, never share one
// between threads.
#include <cstdint>

namespace seccoop::sim {

/// What a stream is keyed by: the experiment's master seed and the run's global index.
struct StreamKey {
  std::uint64_t master_seed = 0;
  std::uint64_t run_index = 0;
};

/// Where in a run a stream is used. `purpose` separates independent uses by the same entity
/// in the same week (e.g. recruits vs deaths); pick distinct constants per call site.
struct StreamCounter {
  std::uint64_t week = 0;
  std::uint64_t entity = 0;
  std::uint64_t purpose = 0;
};

class RandomStream {
 public:
  RandomStream(StreamKey key, StreamCounter counter) noexcept;

  /// 64 uniformly distributed bits.
  std::uint64_t next_u64() noexcept;
  /// Uniform on the open interval (0, 1): never returns 0 or 1 (safe under log()).
  double uniform_open01() noexcept;

 private:
  void refill() noexcept;

  std::uint64_t key_[2];
  std::uint64_t counter_[4];
  std::uint64_t buffer_[4] = {};
  unsigned used_ = 4;  // all of buffer_ consumed: the next draw refills it
};

}  // namespace seccoop::sim
