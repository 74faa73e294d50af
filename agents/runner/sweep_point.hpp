#pragma once
// A run of a sweep: the scenario with the sweep point's parameter values, and its world.
#include "agents/model/world.hpp"
#include "agents/scenario/experiment.hpp"
#include "sim/experiment/run_plan.hpp"

namespace seccoop::agents {

/// The scenario of `spec` with the values of its sweep point applied (a copy).
Scenario scenario_at_point(const Experiment& experiment, const sim::RunSpec& spec);

/// `base` (built for the scenario without the sweep) re-derived for `scenario`'s parameters.
/// Shares the world definition unless a swept parameter shapes it (core.initial_members of a
/// published network), in which case the world is built again.
World world_at_point(const World& base, const Scenario& scenario);

}  // namespace seccoop::agents
