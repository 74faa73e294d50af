#pragma once
// Computes runs into the rows of a results file. A file holds a list of the experiment's runs
// (all of them, a shard's, or the batches an MPI rank was handed): row r holds the r-th run of
// that list, and the `run` coordinate holds each row's global run index.
//
// Finished runs are marked complete, and the file flushed, block by block (runs_per_block()
// rows, agents/output/run_blocks.hpp): a killed job loses at most the block being written plus
// the runs in progress. There is no flush on a timer: a flush in the middle of a block cannot
// vouch for any run (its chunks are rewritten later) and would leave on disk index entries to
// chunks that then move. A block costs two HDF5 flushes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "agents/runner/run_context.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::agents {

/// Runs to compute and the file rows they go to: rows [row, row + count) hold the consecutive
/// global runs [run, run + count). A job's work is a few spans (one for a fresh run, one per
/// gap for a resumed file), not one entry per run: a million-run sweep keeps its memory flat.
struct RunRows {
  std::uint64_t row = 0;
  std::uint64_t run = 0;  // global run index of the first row
  std::uint64_t count = 0;
};

/// The number of rows in `spans`.
[[nodiscard]] std::uint64_t row_count(std::span<const RunRows> spans);

/// Called on the writer thread after each run is written (runs done, runs to do in this call).
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// Simulates `todo` (rows strictly increasing, inside the file) on `threads` threads and
/// writes each run into its row, marking rows complete block by block; the last, possibly
/// partial, block is marked before returning. Returns the number of runs written: fewer than
/// `todo` holds only when `stop_requested` returned true (the first ones, then).
std::size_t compute_rows(sim::io::ResultsFile& file, const RunContext& context,
                         std::span<const RunRows> todo, std::size_t threads,
                         const ProgressCallback& progress,
                         const std::function<bool()>& stop_requested = nullptr);

/// Grows the file for `runs`, starting at the first block boundary at or after its current
/// end, so that no later write touches a chunk of rows already marked complete (rows skipped
/// to reach the boundary stay unwritten: `completed` 0). Returns where the runs go.
std::vector<RunRows> append_rows(sim::io::ResultsFile& file, std::span<const std::uint64_t> runs);

}  // namespace seccoop::agents
