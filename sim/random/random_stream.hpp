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

/// Maps 64 random bits to the open interval (0, 1): the high 52 bits k give (k + 1/2) / 2^52.
/// Why 52 and not 53: with 53 bits, (k + 1/2) needs 54 significant bits and the top value rounds
/// to exactly 1.0. With 52 every result is exact, lies in [2^-53, 1 - 2^-53] and the grid is
/// symmetric about 1/2 (u and 1 - u are equally likely). Public so tests can pin the extremes.
constexpr double open01_from_bits(std::uint64_t bits) noexcept {
  constexpr double kGridStep = 0x1.0p-52;
  return (static_cast<double>(bits >> 12) + 0.5) * kGridStep;
}

class RandomStream {
 public:
  // Construction and the buffered draws are inline: most streams make one to four draws, so
  // the calls cost as much as the work; only the Philox block (refill) stays out of line.
  RandomStream(StreamKey key, StreamCounter counter) noexcept
      : key_{key.master_seed, key.run_index},
        counter_{counter.week, counter.entity, counter.purpose, 0} {}

  /// 64 uniformly distributed bits.
  std::uint64_t next_u64() noexcept {
    if (used_ == kWordsPerBlock) refill();
    return buffer_[used_++];
  }
  /// Uniform on the open interval (0, 1): never returns 0 or 1 (safe under log()).
  double uniform_open01() noexcept { return open01_from_bits(next_u64()); }

 private:
  static constexpr unsigned kWordsPerBlock = 4;

  void refill() noexcept;

  std::uint64_t key_[2];
  std::uint64_t counter_[4];
  std::uint64_t buffer_[4] = {};
  unsigned used_ = 4;  // all of buffer_ consumed: the next draw refills it
};

}  // namespace seccoop::sim
