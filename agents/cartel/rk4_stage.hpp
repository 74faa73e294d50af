#pragma once
// One stage of the classical RK4 step of the calibrated core in expected values, over every
// cartel at once (membership_dynamics.hpp has the equation). The loop is a kernel of its own,
// on plain arrays, so that it vectorises; it is compiled twice, for baseline x86-64 (SSE2) and
// for AVX2, and picks one at run time. Both do the same IEEE operations in the same order per
// cartel (no FMA, no reassociation), so results do not depend on the machine.
#include <cstddef>

namespace seccoop::agents::rk4 {

/// Per-cartel values that stay fixed over the step.
struct StageInputs {
  const double* recruitment;     // rho_i
  const double* incapacitation;  // eta_i
  const double* multiplier;      // m_i, contest multiplier
  const double* inverse_allies;  // 1 / (allies_i + 1)
  const double* start;           // state at the start of the step
};

/// Per-cartel values the stage reads and updates.
struct StageState {
  const double* rivals;  // sum_j w_ij m_j y_j at the probe (ConflictNetwork::rivalry_sums)
  double* probe;         // state the rates are evaluated at; left at the next stage's probe
  double* recruits;      // RK4-weighted integrals of each rate over the step, accumulated
  double* incapacitated;
  double* deaths;
  double* exits;
  double* net;
};

struct StageScalars {
  double total;        // sum of the probe over all cartels
  double lethality;    // theta
  double saturation;   // omega
  double weight;       // RK4 weight of this stage times the step length
  double next_offset;  // the next probe is start + next_offset x net rate
};

/// Evaluates the rates at the probe, adds `weight` times each to the step's integrals, moves
/// the probe to the next stage's and returns the next probe's total (lane_total).
double stage(std::size_t cartels, const StageInputs& in, const StageScalars& scalars,
             const StageState& state);

/// Sum of `count` values in eight interleaved partial sums combined in a fixed order: the
/// additions are independent (the serial sum is a chain of latencies) and the result is the
/// same whichever instruction set runs it.
double lane_total(const double* values, std::size_t count);

}  // namespace seccoop::agents::rk4
