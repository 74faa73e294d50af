#pragma once
// Numbers too large for the model. The readers bound every input (weights at most
// kMaxPairWeight, members at most 1e9, rates in their ranges), yet some combinations within the
// bounds still grow without limit: members recruiting at 1 per week with no saturation double
// and more every week and pass 1.8e308 within about a thousand weeks (stochastic runs, which
// count members as 64-bit integers, would saturate silently long before). A cartel may have at
// most 1e15 members (below 2^53, so that every count is a whole double). That is the user's input,
// not a bug in seccoop, so it is a sim::UserError (exit code 2), raised as soon as it happens
// and in every build (the invariants of invariants.hpp run only in checked builds):
//   "run 0, week 716: the model's numbers overflow: cartel 'A' (slot 0) has inf members
//    (expected finite numbers, found inf); ..."
// A run that finishes is checked once more, every value it recorded: no results file is ever
// written with an infinite or NaN number in it.
#include <span>

#include "agents/model/run_record.hpp"
#include "agents/model/run_state.hpp"
#include "sim/time/phase_pipeline.hpp"

namespace seccoop::agents {

/// `cartel_phase` followed by a check that every cartel's members and the week's recruits,
/// arrests, deaths and exits are finite, and members at most 1e15: passes over the members
/// of the cartel slots in use,
/// and the flows through the totals over those slots that the phase leaves in
/// `flow_totals_in_use` (run_cartel_phase does).
sim::PhasePipeline<RunState>::PhaseFunction with_overflow_check(
    sim::PhasePipeline<RunState>::PhaseFunction cartel_phase);

/// Copies `from` to the start of `to` (at least as long) and returns whether every value was
/// finite: the record phase copies the widest rows (members and cohesion, most of a record's
/// bytes) this way while they are in cache, so that the final check need not read them again.
[[nodiscard]] bool copy_all_finite(std::span<const double> from, std::span<double> to);

/// Throws sim::UserError naming the series, week and entry of the first value of `record`
/// that is not finite. Series in `checked` are skipped: the caller has seen every value of
/// theirs finite (copy_all_finite).
void check_record_finite(const RunRecord& record, std::span<const Series> checked = {});

}  // namespace seccoop::agents
