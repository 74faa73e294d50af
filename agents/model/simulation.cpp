#include "agents/model/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "agents/cartel/membership_dynamics.hpp"
#include "sim/time/phase_pipeline.hpp"

namespace seccoop::agents {

namespace {

/// The mutable state of one run; phases read and write it in a fixed order.
struct RunState {
  const World* world = nullptr;
  sim::StreamKey key;
  std::uint64_t week = 0;  // 1-based week being simulated
  std::vector<double> members;
  MembershipDrivers drivers;
  MembershipFlows flows;
  MembershipDynamics dynamics;
  RunRecord* record = nullptr;
};

double total(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

void cartel_dynamics_phase(RunState& state) {
  if (state.world->scenario->integration == IntegrationMode::expected) {
    state.dynamics.step_expected(state.members, state.drivers, state.world->scenario->substeps,
                                 state.flows);
  } else {
    state.dynamics.step_stochastic(state.members, state.drivers, state.key, state.week, state.flows);
  }
}

void record_phase(RunState& state) {
  RunRecord& record = *state.record;
  const std::size_t week = state.week;
  std::ranges::copy(state.members, record.week_values(Series::members, week).begin());
  const double deaths = total(state.flows.deaths);
  record.set(Series::deaths, week, deaths);
  record.set(Series::homicides, week, state.world->core.homicides_from_deaths(deaths));
  record.set(Series::recruits, week, total(state.flows.recruits));
  record.set(Series::incapacitated, week, total(state.flows.incapacitated));
  record.set(Series::exits, week, total(state.flows.exits));
}

}  // namespace

RunRecord simulate_run(const World& world, sim::StreamKey key) {
  const auto started = std::chrono::steady_clock::now();
  const auto weeks = static_cast<std::size_t>(world.scenario->weeks);
  RunRecord record(key.run_index, weeks, world.axis_sizes());
  RunState state{.world = &world,
                 .key = key,
                 .members = world.initial_members,
                 .drivers = MembershipDrivers::uniform(world.cartel_count(), world.core),
                 .dynamics = MembershipDynamics(world.conflict, world.core),
                 .record = &record};

  sim::PhasePipeline<RunState> week;
  week.add("cartel_dynamics", cartel_dynamics_phase);
  week.add("record", record_phase);
  for (state.week = 1; state.week <= weeks; ++state.week) week.run_week(state);

  record.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return record;
}

}  // namespace seccoop::agents
