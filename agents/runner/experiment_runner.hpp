#pragma once
// Runs every run of an experiment on a thread pool and streams them, in run order, into one
// results file (written under a temporary name and renamed when complete). With `resume`, it
// finishes the file an interrupted job left instead, computing only the runs it lacks.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "agents/scenario/experiment.hpp"

namespace seccoop::agents {

/// Finished runs are marked complete, and the file flushed, block by block (kRunsPerBlock
/// runs, agents/output/run_blocks.hpp): a killed job loses at most the block being written
/// plus the runs in progress. There is no flush on a timer: a flush in the middle of a block
/// cannot vouch for any run (its chunks are rewritten later) and would leave on disk index
/// entries to chunks that then move. A block costs two HDF5 flushes.

struct RunOptions {
  std::filesystem::path output;
  std::size_t threads = 1;
  bool force = false;        // replace an existing output file (and any leftover .partial)
  bool resume = false;       // finish "<output>.partial" of an interrupted job
  std::string command_line;  // recorded in the file
  /// Called on the writer thread after each run is written (runs done, runs to do now).
  std::function<void(std::size_t, std::size_t)> progress;
};

struct ExperimentSummary {
  std::size_t runs_total = 0;      // in the experiment
  std::size_t runs_computed = 0;   // simulated by this call
  std::size_t runs_kept = 0;       // found complete in the interrupted job's file and kept
  bool already_complete = false;   // resume found the final file complete: nothing was done
  std::vector<std::string> notes;  // things the user should know (another build resumed...)
  double seconds = 0.0;
};

/// Throws sim::UserError for problems the user can fix (unreadable network, existing output,
/// a file to resume that holds another experiment).
ExperimentSummary run_experiment(const Experiment& experiment, const RunOptions& options);

}  // namespace seccoop::agents
