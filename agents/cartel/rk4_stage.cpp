#include "agents/cartel/rk4_stage.hpp"

#include <algorithm>

namespace seccoop::agents::rk4 {

namespace {

constexpr std::size_t kLanes = 8;

[[gnu::always_inline]] inline double sum_in_lanes(const double* __restrict values,
                                                  std::size_t count) {
  double lane[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) lane[l] += values[i + l];
  }
  for (std::size_t l = 0; i + l < count; ++l) lane[l] += values[i + l];
  return ((lane[0] + lane[4]) + (lane[2] + lane[6])) + ((lane[1] + lane[5]) + (lane[3] + lane[7]));
}

/// The rates of one cartel and their effects. Restrict parameters, not restrict locals: GCC
/// honours only the former, and without them it needs more alias checks than it will version
/// the loop for, and leaves it scalar.
struct Scalars {
  double total;
  double inverse_total;
  double lethality;
  double saturation;
  double weight;
  double next_offset;
};

[[gnu::always_inline]] inline void stage_loop(
    std::size_t n, const double* __restrict rho, const double* __restrict eta,
    const double* __restrict multiplier, const double* __restrict inverse_allies,
    const double* __restrict start, const double* __restrict rivals, double* __restrict probe,
    double* __restrict recruits, double* __restrict incapacitated, double* __restrict deaths,
    double* __restrict exits, double* __restrict net_flow, const Scalars k) {
  for (std::size_t i = 0; i < n; ++i) {
    const double y = probe[i];
    const double exposure = (multiplier[i] * rivals[i] + k.total - y) * inverse_allies[i];
    const double recruit_rate = rho[i] * y;
    const double arrest_rate = eta[i] * y * k.inverse_total;
    const double death_rate = k.lethality * exposure * y;
    const double exit_rate = k.saturation * y * y;
    recruits[i] += k.weight * recruit_rate;
    incapacitated[i] += k.weight * arrest_rate;
    deaths[i] += k.weight * death_rate;
    exits[i] += k.weight * exit_rate;
    const double net = recruit_rate - arrest_rate - death_rate - exit_rate;
    net_flow[i] += k.weight * net;
    probe[i] = std::max(0.0, start[i] + k.next_offset * net);
  }
}

[[gnu::always_inline]] inline double run_stage(std::size_t n, const StageInputs& in,
                                               const StageScalars& scalars,
                                               const StageState& state) {
  const double total = scalars.total;
  stage_loop(n, in.recruitment, in.incapacitation, in.multiplier, in.inverse_allies, in.start,
             state.rivals, state.probe, state.recruits, state.incapacitated, state.deaths,
             state.exits, state.net,
             {.total = total,
              .inverse_total = total > 0.0 ? 1.0 / total : 0.0,
              .lethality = scalars.lethality,
              .saturation = scalars.saturation,
              .weight = scalars.weight,
              .next_offset = scalars.next_offset});
  return sum_in_lanes(state.probe, n);
}

double stage_baseline(std::size_t n, const StageInputs& in, const StageScalars& scalars,
                      const StageState& state) {
  return run_stage(n, in, scalars, state);
}

[[gnu::target("avx2")]] double stage_avx2(std::size_t n, const StageInputs& in,
                                          const StageScalars& scalars, const StageState& state) {
  return run_stage(n, in, scalars, state);
}

using StageFunction = double (*)(std::size_t, const StageInputs&, const StageScalars&,
                                 const StageState&);

StageFunction select_stage() {
  return __builtin_cpu_supports("avx2") ? stage_avx2 : stage_baseline;
}

}  // namespace

double stage(std::size_t cartels, const StageInputs& in, const StageScalars& scalars,
             const StageState& state) {
  static const StageFunction selected = select_stage();
  return selected(cartels, in, scalars, state);
}

double lane_total(const double* values, std::size_t count) { return sum_in_lanes(values, count); }

}  // namespace seccoop::agents::rk4
