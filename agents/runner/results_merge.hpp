#pragma once
// `seccoop merge`: one results file from the files of shards or MPI ranks (merge_plan.hpp
// checks them), in global run order, with every variable's data (wall_time too) identical bit
// for bit to a single job's file of the same experiment: same variables, chunks, filters and
// attributes; only the provenance attributes (created, command_line, history) tell a merged
// file apart.
//
// It is a copy, not an HDF5 virtual dataset: a copy reads in every netCDF and HDF5 reader and
// survives the shard files being deleted. It copies one variable at a time, in blocks of whole
// completion blocks of runs of at most about kMergeBlockBytes, so memory stays bounded however
// large the files. It writes through sim::io::ResultsFile (a .partial renamed when done) and
// sets the `completed` flags last, so an interrupted merge leaves a .partial with no run
// flagged complete, never a half-merged file under the final name.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace seccoop::agents {

inline constexpr std::size_t kMergeBlockBytes = std::size_t{32} << 20;

struct MergeOptions {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path output;
  bool force = false;  // replace an existing output (and a leftover .partial)
  std::string command_line;
};

struct MergeSummary {
  std::size_t files = 0;
  std::uint64_t runs = 0;
  double seconds = 0.0;
};

/// Throws sim::UserError (nothing written) when the inputs do not merge or the output exists.
MergeSummary merge_results(const MergeOptions& options);

}  // namespace seccoop::agents
