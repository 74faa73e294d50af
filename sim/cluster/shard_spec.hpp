#pragma once
// Shards split an experiment's global run order (run_plan.hpp) into K contiguous pieces, so
// that K independent jobs (a Slurm job array, or any K processes) each compute one and
// `seccoop merge` joins their files. Shard i of K holds runs [floor(i*N/K), floor((i+1)*N/K)):
// contiguous, so a shard's runs fill whole completion blocks and chunks of its file, sizes
// differ by at most one run, and every run belongs to exactly one shard. A run's random streams
// are keyed by its global index, so a run gives the same numbers in whichever shard it falls.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace seccoop::sim::cluster {

struct ShardSpec {
  std::uint64_t index = 0;  // 0-based
  std::uint64_t count = 1;

  [[nodiscard]] std::string to_string() const;  // "i/K"
  friend bool operator==(const ShardSpec&, const ShardSpec&) = default;
};

/// Runs [first, first + size) of the global run order.
struct RunRange {
  std::uint64_t first = 0;
  std::uint64_t size = 0;

  [[nodiscard]] std::uint64_t end() const noexcept { return first + size; }
};

/// The runs of `shard` in an experiment of `total_runs` runs.
[[nodiscard]] RunRange shard_runs(std::uint64_t total_runs, const ShardSpec& shard);

/// Parses "i/K" (0 <= i < K). Throws sim::UserError saying what is expected, naming `origin`
/// (e.g. "--shard") and the text found.
[[nodiscard]] ShardSpec parse_shard(std::string_view text, std::string_view origin);

/// Reads an environment variable; nullptr when unset (std::getenv, or a map in tests).
using EnvironmentLookup = std::function<const char*(const char*)>;

/// The shard of a Slurm job-array task: index SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN
/// (divided by SLURM_ARRAY_TASK_STEP), count SLURM_ARRAY_TASK_COUNT, or, when that is absent,
/// (SLURM_ARRAY_TASK_MAX - SLURM_ARRAY_TASK_MIN) / step + 1. std::nullopt outside an array job.
/// Throws sim::UserError, naming the variables, when they do not describe a shard (an array
/// given as a list such as --array=1,5,9).
[[nodiscard]] std::optional<ShardSpec> shard_from_slurm(const EnvironmentLookup& lookup);

/// A short description of the variables shard_from_slurm() read, for a note to the user.
[[nodiscard]] std::string slurm_array_description(const EnvironmentLookup& lookup);

}  // namespace seccoop::sim::cluster
