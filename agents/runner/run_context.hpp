#pragma once
// What computing any run of an experiment needs, built once per process (a whole run, a shard,
// or an MPI rank): the scenarios' worlds, the global run plan, and the resolved YAML that
// identifies the experiment in every file its runs go to.
#include <cstdint>
#include <string>
#include <vector>

#include "agents/model/run_record.hpp"
#include "agents/model/world.hpp"
#include "agents/scenario/experiment.hpp"
#include "sim/experiment/run_plan.hpp"
#include "sim/io/schema.hpp"

namespace seccoop::agents {

/// The global run plan of an experiment (scenario-major, then sweep point, then replicate).
sim::RunPlan run_plan_of(const Experiment& experiment);

struct RunContext {
  explicit RunContext(const Experiment& experiment);

  const Experiment& experiment;
  sim::RunPlan plan;
  std::string yaml;           // resolved_yaml(experiment)
  std::vector<World> worlds;  // one per scenario, same order

  /// Simulates global run `run`: its streams are keyed by (seed, run), whichever process
  /// computes it.
  [[nodiscard]] RunRecord simulate(std::uint64_t run) const;
};

/// The global attributes of a new file of the experiment's runs: provenance, the resolved
/// YAML, the sweep, the experiment's total run count, then `extra` (a shard's spec, a rank).
std::vector<sim::io::Attribute> file_attributes(const RunContext& context,
                                                const std::string& command_line,
                                                std::vector<sim::io::Attribute> extra);

/// Current UTC time, ISO 8601 ("2026-11-26T09:58:04Z"), for `created` and `history`.
std::string utc_now_iso();

}  // namespace seccoop::agents
