#include "agents/runner/run_context.hpp"

#include <ctime>

#include "agents/model/simulation.hpp"
#include "agents/runner/sweep_point.hpp"
#include "seccoop/revision.hpp"

namespace seccoop::agents {

namespace {

/// Swept parameter paths in axis order (the order of a point's values), space separated.
std::string sweep_parameter_list(const Experiment& experiment) {
  std::string list;
  if (!experiment.sweep) return list;
  for (const auto& path : experiment.sweep->paths()) list += (list.empty() ? "" : " ") + path;
  return list;
}

std::vector<World> build_worlds(const Experiment& experiment) {
  std::vector<World> worlds;
  worlds.reserve(experiment.scenarios.size());
  for (const auto& scenario : experiment.scenarios) worlds.push_back(build_world(scenario));
  return worlds;
}

}  // namespace

sim::RunPlan run_plan_of(const Experiment& experiment) {
  return sim::RunPlan(static_cast<std::uint32_t>(experiment.scenarios.size()),
                      experiment.sweep_points(), experiment.replications);
}

RunContext::RunContext(const Experiment& of)
    : experiment(of), plan(run_plan_of(of)), yaml(resolved_yaml(of)), worlds(build_worlds(of)) {}

RunRecord RunContext::simulate(std::uint64_t run) const {
  const sim::RunSpec spec = plan.at(run);
  const sim::StreamKey key{.master_seed = experiment.seed, .run_index = run};
  if (!experiment.sweep) return simulate_run(worlds[spec.scenario], key);
  const Scenario scenario = scenario_at_point(experiment, spec);
  return simulate_run(world_at_point(worlds[spec.scenario], scenario), key);
}

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::vector<sim::io::Attribute> file_attributes(const RunContext& context,
                                                const std::string& command_line,
                                                std::vector<sim::io::Attribute> extra) {
  const Experiment& experiment = context.experiment;
  const std::string created = utc_now_iso();
  std::vector<sim::io::Attribute> attributes = {
      {"Conventions", std::string("CF-1.8")},
      {"title", "seccoop results: " + experiment.name},
      {"seccoop_version", std::string(kVersion)},
      {"source_revision", std::string(kSourceRevision)},
      {"created", created},
      {"command_line", command_line},
      {"history", created + ": " + command_line},
      {"experiment_yaml", context.yaml},
      {"sweep_method",
       experiment.sweep ? std::string(experiment.sweep->method_name()) : std::string("none")},
      {"sweep_base_samples",
       static_cast<std::int64_t>(experiment.sweep ? experiment.sweep->base_samples() : 0)},
      {"sweep_parameters", sweep_parameter_list(experiment)},
      {"experiment_run_count", static_cast<std::int64_t>(context.plan.size())}};
  for (auto& attribute : extra) attributes.push_back(std::move(attribute));
  return attributes;
}

}  // namespace seccoop::agents
