#include "agents/runner/sweep_point.hpp"

namespace seccoop::agents {

Scenario scenario_at_point(const Experiment& experiment, const sim::RunSpec& spec) {
  Scenario scenario = experiment.scenarios[spec.scenario];
  const std::vector<double> values = experiment.sweep->point(spec.point);
  const auto& paths = experiment.sweep->paths();
  for (std::size_t axis = 0; axis < paths.size(); ++axis) {
    const auto index = scenario.parameters.table().index_of(paths[axis]);
    if (!index) throw sim::InternalError("swept parameter not in the table: " + paths[axis]);
    scenario.parameters.set(*index, values[axis]);
  }
  return scenario;
}

World world_at_point(const World& base, const Scenario& scenario) {
  const bool shapes_world =
      scenario.network.has_value() &&
      scenario.parameters.get("core.initial_members") != base.core.initial_members;
  if (shapes_world) return build_world(scenario);
  World world = base;
  world.scenario = &scenario;
  world.core = read_core_parameters(scenario.parameters);
  world.model = read_model_parameters(scenario.parameters);
  if (world.model.cartel.max_factions != base.model.cartel.max_factions)
    return build_world(scenario);
  return world;
}

}  // namespace seccoop::agents
