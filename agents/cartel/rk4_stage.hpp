#pragma once
// One stage of the classical RK4 step of the calibrated core in expected values, over every
// cartel at once (membership_dynamics.hpp has the equation). The loop is a kernel of its own,
// on plain arrays and written in eight-wide vectors (a compiler extension, see rk4_stage.cpp),
// so that the stage's lane sums come from registers; it is compiled for baseline x86-64 (SSE2),
// AVX2 and (by GCC) AVX-512, and picks the widest the processor has at run time. All do the same
// IEEE operations in the same order per cartel (no FMA, no reassociation), so results do not
// depend on the machine. AVX-512 brings FMA with it, and GCC 12 contracts a * b + c into FMA by
// default even in ISO C++ mode, which changes the results (measured: members differ in the last
// bits): its build has contraction turned off.
#include <cstddef>

namespace seccoop::agents::rk4 {

/// Where a stage stands in the step: the first stage of a step starts the net flow (and the
/// week's flows in the first step of the week) instead of adding to it, and the last writes
/// the state after the step instead of a probe, so no pass clears or copies them.
enum class StageKind { first_of_week, first, middle, last };

struct StageArrays {
  const double* recruitment;     // rho_i
  const double* incapacitation;  // eta_i
  const double* multiplier;      // m_i, contest multiplier
  const double* inverse_allies;  // 1 / (allies_i + 1)
  const double* start;           // state at the start of the step
  const double* probe;           // state the rates are evaluated at
  const double* rivals;          // sum_j w_ij m_j y_j at the probe
  double* next;      // the next stage's probe; after the last stage, the state after the step
  double* recruits;  // RK4-weighted integrals of each rate over the week
  double* incapacitated;
  double* deaths;
  double* exits;
  double* net;  // integral of the net rate over the step so far
  // The last stage writes here, when not null, the eight-lane sums (as lane_total) of the four
  // integrals it leaves: recruits, incapacitated, deaths, exits.
  double* flow_totals = nullptr;
};

struct StageScalars {
  double total;        // sum of the probe over all cartels
  double lethality;    // theta
  double saturation;   // omega
  double weight;       // RK4 weight of this stage times the step length
  double next_offset;  // the next probe is start + next_offset x net rate
};

/// Evaluates the rates at the probe, adds `weight` times each to the integrals, writes the
/// next probe (or, in the last stage, the state after the step) and returns the total of what
/// it wrote (lane_total). `probe` and `next` must not overlap; `start` may be `next` (the last
/// stage then writes the state after the step over the start, each cartel after reading it).
double stage(StageKind kind, std::size_t cartels, const StageArrays& arrays,
             const StageScalars& scalars);

/// Instruction sets the kernel is compiled for; `stage` runs the widest the processor has.
enum class InstructionSet { baseline, avx2, avx512 };
[[nodiscard]] bool supported(InstructionSet set);
[[nodiscard]] InstructionSet widest_supported();
/// `stage` on a given instruction set (tests check that they agree bit for bit).
double stage_using(InstructionSet set, StageKind kind, std::size_t cartels,
                   const StageArrays& arrays, const StageScalars& scalars);

/// Sum of `count` values in eight interleaved partial sums combined in a fixed order: the
/// additions are independent (the serial sum is a chain of latencies) and the result is the
/// same whichever instruction set runs it.
double lane_total(const double* values, std::size_t count);

}  // namespace seccoop::agents::rk4
