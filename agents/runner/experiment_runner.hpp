#pragma once
// Runs every run of an experiment on a thread pool and streams them, in run order, into one
// results file (written under a temporary name and renamed when complete).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "agents/scenario/experiment.hpp"

namespace seccoop::agents {

struct RunOptions {
  std::filesystem::path output;
  std::size_t threads = 1;
  bool force = false;          // replace an existing output file
  std::string command_line;    // recorded in the file
  /// Called on the writer thread after each run is written (runs done, runs in total).
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Means over replicates of one scenario, for the summary table.
struct ScenarioSummary {
  std::string name;
  std::size_t runs = 0;
  double final_members = 0.0;      // at the horizon
  double first_week_deaths = 0.0;
  double last_week_deaths = 0.0;
  double homicides_per_year_last = 0.0;  // last 52 weeks (or the whole run if shorter)
};

struct ExperimentSummary {
  std::vector<ScenarioSummary> scenarios;
  std::size_t runs = 0;
  double seconds = 0.0;
};

/// Throws sim::UserError for problems the user can fix (unreadable network, existing output).
ExperimentSummary run_experiment(const Experiment& experiment, const RunOptions& options);

}  // namespace seccoop::agents
