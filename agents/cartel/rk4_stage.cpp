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

struct Scalars {
  double total;
  double inverse_total;
  double lethality;
  double saturation;
  double weight;
  double next_offset;
};

/// Adds `value` to `sum`, or starts it.
template <bool kStart>
[[gnu::always_inline]] inline void add(double& sum, double value) {
  if constexpr (kStart) {
    sum = value;
  } else {
    sum += value;
  }
}

// Restrict parameters, not restrict locals: GCC honours only the former, and without them the
// loop needs more alias checks than GCC will version it for, and stays scalar.
template <StageKind kKind>
[[gnu::always_inline]] inline void stage_loop(
    std::size_t n, const double* __restrict rho, const double* __restrict eta,
    const double* __restrict multiplier, const double* __restrict inverse_allies,
    const double* __restrict start, const double* __restrict probe, const double* __restrict rivals,
    double* __restrict next, double* __restrict recruits, double* __restrict incapacitated,
    double* __restrict deaths, double* __restrict exits, double* __restrict net_flow,
    const Scalars k) {
  constexpr bool kStartFlows = kKind == StageKind::first_of_week;
  constexpr bool kStartNet = kStartFlows || kKind == StageKind::first;
  for (std::size_t i = 0; i < n; ++i) {
    const double y = probe[i];
    const double exposure = (multiplier[i] * rivals[i] + k.total - y) * inverse_allies[i];
    const double recruit_rate = rho[i] * y;
    const double arrest_rate = eta[i] * y * k.inverse_total;
    const double death_rate = k.lethality * exposure * y;
    const double exit_rate = k.saturation * y * y;
    add<kStartFlows>(recruits[i], k.weight * recruit_rate);
    add<kStartFlows>(incapacitated[i], k.weight * arrest_rate);
    add<kStartFlows>(deaths[i], k.weight * death_rate);
    add<kStartFlows>(exits[i], k.weight * exit_rate);
    const double net = recruit_rate - arrest_rate - death_rate - exit_rate;
    if constexpr (kKind == StageKind::last) {
      next[i] = std::max(0.0, start[i] + (net_flow[i] + k.weight * net));
    } else {
      add<kStartNet>(net_flow[i], k.weight * net);
      next[i] = std::max(0.0, start[i] + k.next_offset * net);
    }
  }
}

template <StageKind kKind>
[[gnu::always_inline]] inline double run_stage(std::size_t n, const StageArrays& a,
                                               const StageScalars& scalars) {
  const double total = scalars.total;
  stage_loop<kKind>(n, a.recruitment, a.incapacitation, a.multiplier, a.inverse_allies, a.start,
                    a.probe, a.rivals, a.next, a.recruits, a.incapacitated, a.deaths, a.exits,
                    a.net,
                    {.total = total,
                     .inverse_total = total > 0.0 ? 1.0 / total : 0.0,
                     .lethality = scalars.lethality,
                     .saturation = scalars.saturation,
                     .weight = scalars.weight,
                     .next_offset = scalars.next_offset});
  return sum_in_lanes(a.next, n);
}

[[gnu::always_inline]] inline double run_any_stage(StageKind kind, std::size_t n,
                                                   const StageArrays& a,
                                                   const StageScalars& scalars) {
  switch (kind) {
    case StageKind::first_of_week:
      return run_stage<StageKind::first_of_week>(n, a, scalars);
    case StageKind::first:
      return run_stage<StageKind::first>(n, a, scalars);
    case StageKind::middle:
      return run_stage<StageKind::middle>(n, a, scalars);
    case StageKind::last:
      break;
  }
  return run_stage<StageKind::last>(n, a, scalars);
}

double stage_baseline(StageKind kind, std::size_t n, const StageArrays& a,
                      const StageScalars& scalars) {
  return run_any_stage(kind, n, a, scalars);
}

// AVX2 exists only on x86-64; elsewhere (aarch64 clusters and laptops) the baseline build of
// the loop is the only one, and `supported(avx2)` is false.
#if defined(__x86_64__)
[[gnu::target("avx2")]] double stage_avx2(StageKind kind, std::size_t n, const StageArrays& a,
                                          const StageScalars& scalars) {
  return run_any_stage(kind, n, a, scalars);
}
#else
double stage_avx2(StageKind kind, std::size_t n, const StageArrays& a,
                  const StageScalars& scalars) {
  return run_any_stage(kind, n, a, scalars);
}
#endif

// AVX-512 brings FMA with it, and GCC contracts a * b + c into one rounding by default: here
// contraction is off (without it, GCC 12 emits about a hundred FMAs in this build), so this
// build does the same IEEE operations as the others (the test compares them bit for bit).
// Eight cartels per instruction. GCC only: Clang has no per-function switch for contraction
// (its builds, the fuzzers, use AVX2), and `supported(avx512)` is false there.
#if defined(__x86_64__) && !defined(__clang__)
constexpr bool kAvx512Built = true;
[[gnu::target("avx512f,avx512vl"), gnu::optimize("fp-contract=off")]] double stage_avx512(
    StageKind kind, std::size_t n, const StageArrays& a, const StageScalars& scalars) {
  return run_any_stage(kind, n, a, scalars);
}
#else
[[maybe_unused]] constexpr bool kAvx512Built = false;
double stage_avx512(StageKind kind, std::size_t n, const StageArrays& a,
                    const StageScalars& scalars) {
  return run_any_stage(kind, n, a, scalars);
}
#endif

}  // namespace

bool supported(InstructionSet set) {
#if defined(__x86_64__)
  switch (set) {
    case InstructionSet::baseline:
      return true;
    case InstructionSet::avx2:
      return __builtin_cpu_supports("avx2") != 0;
    case InstructionSet::avx512:
      return kAvx512Built && __builtin_cpu_supports("avx512f") != 0 &&
             __builtin_cpu_supports("avx512vl") != 0;
  }
  return false;
#else
  return set == InstructionSet::baseline;
#endif
}

double stage_using(InstructionSet set, StageKind kind, std::size_t cartels,
                   const StageArrays& arrays, const StageScalars& scalars) {
  switch (set) {
    case InstructionSet::avx512:
      return stage_avx512(kind, cartels, arrays, scalars);
    case InstructionSet::avx2:
      return stage_avx2(kind, cartels, arrays, scalars);
    case InstructionSet::baseline:
      break;
  }
  return stage_baseline(kind, cartels, arrays, scalars);
}

InstructionSet widest_supported() {
  for (const InstructionSet set : {InstructionSet::avx512, InstructionSet::avx2}) {
    if (supported(set)) return set;
  }
  return InstructionSet::baseline;
}

double stage(StageKind kind, std::size_t cartels, const StageArrays& arrays,
             const StageScalars& scalars) {
  static const InstructionSet widest = widest_supported();
  return stage_using(widest, kind, cartels, arrays, scalars);
}

double lane_total(const double* values, std::size_t count) { return sum_in_lanes(values, count); }

}  // namespace seccoop::agents::rk4
