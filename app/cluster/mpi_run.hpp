#pragma once
// `seccoop run --mpi`: one experiment over the ranks of an MPI job (mpirun, srun). Rank 0
// hands out batches of runs (whole completion blocks) to ranks that ask for work, and works
// too, on a thread of its own; every rank writes the runs it gets to its own file
// (agents/runner/rank_files.hpp); at the end rank 0 merges the files into the output, as
// `seccoop merge` does, and removes them. A job that dies keeps every run its ranks completed;
// `--mpi --resume` computes the rest. Built only with -DSECCOOP_WITH_MPI=ON; without it,
// --mpi is refused with a message saying so.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "agents/runner/experiment_runner.hpp"
#include "agents/scenario/experiment.hpp"

namespace seccoop::app {

struct MpiRunOptions {
  std::filesystem::path output;  // empty: "<experiment name>.h5"
  std::size_t threads = 1;       // per rank
  bool force = false;
  bool resume = false;
  std::string command_line;
  /// Called on rank 0 as ranks report finished runs (runs done, runs to do).
  std::function<void(std::size_t, std::size_t)> progress;
};

struct MpiRunResult {
  bool root = false;  // rank 0: the summary and output are set
  int exit_code = 0;  // for the other ranks
  agents::ExperimentSummary summary;
  std::filesystem::path output;
  int ranks = 1;
};

/// True when this executable was built with MPI.
bool built_with_mpi();

/// Called by every rank. Initialises and finalises MPI; loads the experiment with `load` on
/// every rank (only rank 0 reports a problem it shares with the others). Throws
/// sim::UserError on rank 0 for problems the user can fix.
MpiRunResult run_with_mpi(const std::function<agents::Experiment()>& load,
                          const MpiRunOptions& options);

}  // namespace seccoop::app
