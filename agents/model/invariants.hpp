#pragma once
// What must hold of a run's state at the end of every simulated week, whatever the input:
// members finite and >= 0, cohesion, trust and coordination in [0, 1], Beta(alpha, beta)
// trust with alpha, beta > 0, presence shares summing to 1, and members conserved by the
// cartel phase (splits move members, they do not make or lose any). The readers validate the
// user's input, so a violation is a bug in seccoop and is raised as sim::InternalError:
//   "internal error (a bug in seccoop, please report it): invariant 'cohesion in [0, 1]'
//    violated in week 12 of run 3: ..."
//
// simulation.cpp runs these checks as phases of the weekly pipeline in debug builds and when
// CMake's SECCOOP_CHECK_INVARIANTS is ON (the dev and asan presets); a release build skips
// them (they cost a pass over cartels and edges each week).
#include "agents/model/checked_build.hpp"
#include "agents/model/run_state.hpp"
#include "sim/time/phase_pipeline.hpp"

namespace seccoop::agents {

/// Checks the state at the end of a week; throws sim::InternalError naming the invariant, the
/// week, the run and the offending slot and value.
void check_week_invariants(const RunState& state);

/// `cartel_phase` wrapped so that it throws sim::InternalError when the cartels it is given
/// break an invariant (the phases before it broke it), or when the members it leaves differ
/// from those it found plus the week's recruits less its arrests, deaths and exits (what a
/// split moves must balance exactly).
sim::PhasePipeline<RunState>::PhaseFunction with_member_balance_check(
    sim::PhasePipeline<RunState>::PhaseFunction cartel_phase);

}  // namespace seccoop::agents
