#pragma once
// Runs an experiment's runs (all of them, or one shard of them) on a thread pool and streams
// them, in run order, into one results file (written under a temporary name and renamed when
// complete). With `resume`, it finishes the file an interrupted job left instead, computing
// only the runs it lacks. Crash safety: run_rows.hpp.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "agents/scenario/experiment.hpp"
#include "sim/cluster/shard_spec.hpp"

namespace seccoop::agents {

struct RunOptions {
  std::filesystem::path output;
  std::size_t threads = 1;
  bool force = false;        // replace an existing output file (and any leftover .partial)
  bool resume = false;       // finish "<output>.partial" of an interrupted job
  std::string command_line;  // recorded in the file
  /// Only this shard's runs (sim/cluster/shard_spec.hpp): the file's rows are the shard's runs,
  /// its `run` coordinate their global indices, and its `shard` attribute says "i/K".
  std::optional<sim::cluster::ShardSpec> shard;
  /// Called on the writer thread after each run is written (runs done, runs to do now).
  std::function<void(std::size_t, std::size_t)> progress;
  /// Asked before each run starts; once true, the runs in progress are written and the file is
  /// left as "<output>.partial" for --resume (ExperimentSummary::stopped).
  std::function<bool()> stop_requested;
};

struct ExperimentSummary {
  std::size_t runs_total = 0;      // in the experiment
  std::size_t runs_in_file = 0;    // the shard's runs (all runs without a shard)
  std::size_t first_run = 0;       // global index of the file's first run
  std::size_t runs_computed = 0;   // simulated by this call
  std::size_t runs_kept = 0;       // found complete in the interrupted job's file and kept
  bool already_complete = false;   // resume found the final file complete: nothing was done
  bool stopped = false;            // stop_requested: the file is still "<output>.partial"
  std::vector<std::string> notes;  // things the user should know (another build resumed...)
  double seconds = 0.0;
};

/// Throws sim::UserError for problems the user can fix (unreadable network, existing output,
/// a file to resume that holds another experiment or another shard).
ExperimentSummary run_experiment(const Experiment& experiment, const RunOptions& options);

}  // namespace seccoop::agents
