#include "agents/model/simulation.hpp"

#include <chrono>

#include "agents/model/invariants.hpp"
#include "agents/model/overflow_check.hpp"
#include "agents/model/phases.hpp"
#include "agents/model/run_state.hpp"
#include "sim/time/phase_pipeline.hpp"

namespace seccoop::agents {

sim::PhasePipeline<RunState> week_pipeline() {
  sim::PhasePipeline<RunState> week;
  week.add("events", run_events_phase);
  week.add("policy", run_policy_phase);
  week.add("intelligence", run_intelligence_phase);
  week.add("operations", run_operations_phase);
  // Numbers too large for a double are the input's doing (overflow_check.hpp): found, in
  // every build, before the balance check would report them as a bug.
  if constexpr (kInvariantsChecked) {
    week.add("cartels", with_member_balance_check(with_overflow_check(run_cartel_phase)));
  } else {
    week.add("cartels", with_overflow_check(run_cartel_phase));
  }
  week.add("flows", run_flows_phase);
  week.add("trust", run_trust_phase);
  week.add("record", run_record_phase);
  if constexpr (kInvariantsChecked) week.add("invariants", check_week_invariants);
  return week;
}

void start_week(RunState& state) {
  const World& world = *state.world;
  state.tally.reset(world.cartel_capacity, world.definition->regions.size(), world.actor_count(),
                    state.trust.size());
}

RunRecord simulate_run(const World& world, sim::StreamKey key) {
  const auto started = std::chrono::steady_clock::now();
  const auto weeks = static_cast<std::size_t>(world.scenario->weeks);
  // The record phase writes every entry of every series every week: nothing to zero first.
  auto record = RunRecord::to_be_filled(key.run_index, weeks, world.axis_sizes());
  RunState state(world, key, record);

  auto week = week_pipeline();
  for (state.week = 1; state.week <= weeks; ++state.week) {
    start_week(state);
    week.run_week(state);
  }
  // No infinite or NaN number reaches a results file. The rows the record phase checked as it
  // copied them are not read again, except in checked builds, where the record starts as NaN
  // and this check also finds an entry left unwritten.
  constexpr Series kCheckedWhenRecorded[] = {Series::members, Series::cohesion};
  const bool skip_checked = state.cartel_rows_finite && !kInvariantsChecked;
  check_record_finite(record, skip_checked ? std::span<const Series>(kCheckedWhenRecorded)
                                           : std::span<const Series>());
  record.events = std::move(state.events);
  record.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return record;
}

}  // namespace seccoop::agents
