#pragma once
// Before `seccoop merge` writes anything: check that the files (shards of a job array, the
// files of MPI ranks, any mix) hold runs of one experiment, written by one layout, and that
// every run of the experiment is complete in exactly one of them; then say, for each global
// run, which file and row it comes from. Rows not flagged complete are ignored (a killed job's
// rows, the padding of an MPI rank's file), so a run counts only where it is complete.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

/// Global attribute of the file of one MPI rank (its rank number).
inline constexpr std::string_view kMpiRankAttribute = "mpi_rank";

struct RunSource {
  std::uint32_t file = 0;  // index into the readers
  std::uint64_t row = 0;
};

struct MergePlan {
  std::uint64_t total_runs = 0;
  std::vector<RunSource> sources;  // by global run index
};

/// Throws sim::UserError listing every problem: files of other experiments or layouts (naming
/// the two files that differ), runs missing (with the shard or file that should hold them and
/// how to finish it), runs complete in two files.
MergePlan plan_merge(const std::vector<sim::io::ResultsReader>& readers);

/// "run 7", "runs 40-59", or "runs 0-9, 40-59, ..." for sorted run indices.
std::string describe_runs(const std::vector<std::uint64_t>& runs);

}  // namespace seccoop::agents
