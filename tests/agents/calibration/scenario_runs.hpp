#pragma once
// Runs a shipped scenario with replications in this process, for calibration and scenario
// tests. Replicates use the stream keys a results file would give them.
#include <numeric>
#include <string>
#include <vector>

#include "agents/model/simulation.hpp"
#include "agents/scenario/experiment.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {

struct ScenarioRuns {
  agents::Experiment experiment;
  std::vector<agents::RunRecord> runs;

  [[nodiscard]] const agents::Scenario& scenario() const { return experiment.scenarios.front(); }

  /// Mean over replicates of the sum of `series` (all slots) over weeks [first, last].
  [[nodiscard]] double mean_total(agents::Series series, std::size_t first,
                                  std::size_t last) const {
    double total = 0.0;
    for (const auto& run : runs) {
      for (std::size_t w = first; w <= last; ++w) {
        const auto values = run.week_values(series, w);
        total += std::accumulate(values.begin(), values.end(), 0.0);
      }
    }
    return total / static_cast<double>(runs.size());
  }
};

inline ScenarioRuns run_scenario(const std::string& file, std::uint32_t replications,
                                 std::uint64_t seed = 20250120) {
  ScenarioRuns result{.experiment = agents::load_experiment(config_dir() / "scenarios" / file, {})};
  const agents::World world = agents::build_world(result.scenario());
  for (std::uint32_t r = 0; r < replications; ++r) {
    result.runs.push_back(agents::simulate_run(world, {.master_seed = seed, .run_index = r}));
  }
  return result;
}

/// Region index of a state code in a scenario's world.
inline std::size_t region_of(const agents::Scenario& scenario, const std::string& code) {
  return *scenario.world->regions.index_of(code);
}

}  // namespace seccoop::testing
