#pragma once
// An experiment: scenarios x replications under one master seed. A file with a `scenarios` key
// is an experiment; any other file is read as a scenario and run as an experiment of one.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "agents/output/record_selection.hpp"
#include "agents/scenario/scenario.hpp"
#include "sim/experiment/sweep_design.hpp"

namespace seccoop::agents {

struct Experiment {
  std::string name;
  std::filesystem::path file;
  std::vector<Scenario> scenarios;
  std::uint32_t replications = 1;
  std::uint64_t seed = 0;
  OutputSelection outputs;  // what each run writes (key `outputs`)
  /// Parameter sweep (key `sweep`): every scenario runs at every point.
  std::optional<sim::SweepDesign> sweep;
  std::string sweep_yaml;  // the sweep block as written, for the resolved YAML

  [[nodiscard]] std::uint32_t sweep_points() const {
    return sweep ? static_cast<std::uint32_t>(sweep->point_count()) : 1U;
  }
};

/// Command-line overrides, applied after the file is read.
struct ExperimentOverrides {
  std::optional<std::uint32_t> replications;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> parameter_settings;  // "path=value", applied to every scenario
};

inline constexpr std::uint64_t kDefaultSeed = 20230922;  // the core paper's publication date

/// Reads and validates an experiment (or a single scenario) file. Throws sim::UserError with
/// every problem found in the file and in the scenario files it names.
Experiment load_experiment(const std::filesystem::path& file, const ExperimentOverrides& overrides);
/// The same, from YAML `text` standing for the file `file` (paths in it resolve against that
/// file's folder): for tests and the fuzzer (fuzz/), which parse without writing files.
Experiment load_experiment_text(const std::string& text, const std::filesystem::path& file,
                                const ExperimentOverrides& overrides);

/// The experiment as YAML with every default filled in: what a results file stores so that it
/// alone reproduces the runs.
std::string resolved_yaml(const Experiment& experiment);

}  // namespace seccoop::agents
