#include "agents/cartel/rk4_stage.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace seccoop::agents::rk4 {

namespace {

// The vectors below are passed between functions that are always inlined, never across a call,
// so the compilers' notes on the ABI of passing them by value (-Wpsabi) do not apply.
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

constexpr std::size_t kLanes = 8;

// The stage is written in vectors of W doubles (a GCC and Clang extension), W the width of the
// build's registers: 2 (SSE2, and NEON elsewhere), 4 (AVX2) or 8 (AVX-512). Each build does the
// same IEEE operations element by element, so every build gives the same bits. Eight cartels go
// through per round, as 8 / W vectors, so that value i of a range lands in lane i mod 8 of a
// sum whatever W is. Written this way rather than left to the vectorizer so that the lane sums
// of what a stage writes are added from registers inside the loop: a pass after the loop
// re-read the arrays the loop had just stored (and waited on those stores), and was one chain
// of dependent additions. (A vector wider than the build's registers is no shortcut: GCC keeps
// it on the stack. The widths are spelled out one by one because GCC drops a vector_size that
// depends on an alias template's parameter.)
template <std::size_t W>
struct VectorTypes;
template <>
struct VectorTypes<2> {
  using Values = double __attribute__((vector_size(16)));
};
template <>
struct VectorTypes<4> {
  using Values = double __attribute__((vector_size(32)));
};
template <>
struct VectorTypes<8> {
  using Values = double __attribute__((vector_size(64)));
};
template <std::size_t W>
using Vector = typename VectorTypes<W>::Values;
static_assert(sizeof(Vector<2>) == 16 && sizeof(Vector<8>) == 64);

template <typename T>
[[gnu::always_inline]] inline T load(const double* values) {
  T value;
  std::memcpy(&value, values, sizeof value);
  return value;
}

template <typename T>
[[gnu::always_inline]] inline void store(double* values, const T& value) {
  std::memcpy(values, &value, sizeof value);
}

/// std::max(0.0, x), element by element: x where x > 0, else +0 (NaN and -0 included).
template <typename T>
[[gnu::always_inline]] inline T positive_part(const T& x) {
  if constexpr (std::is_same_v<T, double>) {
    return std::max(0.0, x);
  } else {
    const auto keep = x > T{};  // integers of the same width: all ones where x > 0
    // Through memcpy, not std::bit_cast: GCC 12's UBSan reports a bit_cast of a vector as a
    // load from a null pointer. Both compile to register operations.
    auto bits = keep;
    std::memcpy(&bits, &x, sizeof bits);
    bits &= keep;
    T kept;
    std::memcpy(&kept, &bits, sizeof kept);
    return kept;
  }
}

/// Eight lanes of a sum as 8 / W vectors.
template <std::size_t W>
struct LaneSums {
  Vector<W> part[kLanes / W] = {};

  /// Lanes continued over `count` < 8 values past the last round, then combined in a fixed
  /// order.
  [[gnu::always_inline]] double finish(const double* tail, std::size_t count) const {
    double lane[kLanes];
    std::memcpy(lane, part, sizeof lane);
    for (std::size_t l = 0; l < count; ++l) lane[l] += tail[l];
    return ((lane[0] + lane[4]) + (lane[2] + lane[6])) +
           ((lane[1] + lane[5]) + (lane[3] + lane[7]));
  }
};

template <std::size_t W>
[[gnu::always_inline]] inline double sum_in_lanes(const double* values, std::size_t count) {
  LaneSums<W> sums;
  std::size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    for (std::size_t v = 0; v < kLanes / W; ++v)
      sums.part[v] += load<Vector<W>>(values + i + v * W);
  }
  return sums.finish(values + i, count - i);
}

struct Scalars {
  double total;
  double inverse_total;
  double lethality;
  double saturation;
  double weight;
  double next_offset;
};

/// `sum + value`, or `value` where the stage starts the sum.
template <bool kStart, typename T>
[[gnu::always_inline]] inline T continued(const double* sum, const T& value) {
  if constexpr (kStart) {
    return value;
  } else {
    return load<T>(sum) + value;
  }
}

/// The stage for the cartels from `i` (T = Vector<W>: W of them; T = double: one), the same
/// operations in the same order either way. Writes the integrals, the net flow and the next
/// probe; returns the probe and leaves the four integrals in `flows`.
template <StageKind kKind, typename T>
[[gnu::always_inline]] inline T stage_at(const StageArrays& a, std::size_t i, const Scalars& k,
                                         T (&flows)[4]) {
  constexpr bool kStartFlows = kKind == StageKind::first_of_week;
  constexpr bool kStartNet = kStartFlows || kKind == StageKind::first;
  const T y = load<T>(a.probe + i);
  const T exposure = (load<T>(a.multiplier + i) * load<T>(a.rivals + i) + k.total - y) *
                     load<T>(a.inverse_allies + i);
  const T recruit_rate = load<T>(a.recruitment + i) * y;
  const T arrest_rate = load<T>(a.incapacitation + i) * y * k.inverse_total;
  const T death_rate = k.lethality * exposure * y;
  const T exit_rate = k.saturation * y * y;
  flows[0] = continued<kStartFlows>(a.recruits + i, k.weight * recruit_rate);
  flows[1] = continued<kStartFlows>(a.incapacitated + i, k.weight * arrest_rate);
  flows[2] = continued<kStartFlows>(a.deaths + i, k.weight * death_rate);
  flows[3] = continued<kStartFlows>(a.exits + i, k.weight * exit_rate);
  store(a.recruits + i, flows[0]);
  store(a.incapacitated + i, flows[1]);
  store(a.deaths + i, flows[2]);
  store(a.exits + i, flows[3]);
  const T net = recruit_rate - arrest_rate - death_rate - exit_rate;
  T next;
  if constexpr (kKind == StageKind::last) {
    // Reads the start before writing `next` over it (they may be the same array).
    next = positive_part(load<T>(a.start + i) + (load<T>(a.net + i) + k.weight * net));
  } else {
    store(a.net + i, continued<kStartNet>(a.net + i, k.weight * net));
    next = positive_part(load<T>(a.start + i) + k.next_offset * net);
  }
  store(a.next + i, next);
  return next;
}

/// The stage for the `count` < 8 cartels from `begin` past the last round, from `done` on, in
/// vectors of V and narrower, then one by one (scalar code for six cartels of 150 was a sixth
/// of the stage); what it writes to `next` and the flows also goes to the tails of the sums.
template <StageKind kKind, std::size_t V>
[[gnu::always_inline]] inline void stage_tail(const StageArrays& a, const Scalars& k,
                                              std::size_t begin, std::size_t count,
                                              std::size_t done, double (&next_tail)[kLanes],
                                              double (&flow_tail)[4][kLanes]) {
  if constexpr (V >= 2) {
    for (; done + V <= count; done += V) {
      Vector<V> flows[4];
      store(next_tail + done, stage_at<kKind>(a, begin + done, k, flows));
      for (std::size_t f = 0; f < 4; ++f) store(flow_tail[f] + done, flows[f]);
    }
    stage_tail<kKind, V / 2>(a, k, begin, count, done, next_tail, flow_tail);
  } else {
    for (; done < count; ++done) {
      double flows[4];
      next_tail[done] = stage_at<kKind>(a, begin + done, k, flows);
      for (std::size_t f = 0; f < 4; ++f) flow_tail[f][done] = flows[f];
    }
  }
}

template <StageKind kKind, std::size_t W>
[[gnu::always_inline]] inline double run_stage(std::size_t n, const StageArrays& arrays,
                                               const StageScalars& scalars) {
  // A local copy: the loop's stores (memcpy, so they may alias anything in memory) cannot
  // change it, so its pointers stay in registers instead of being reloaded for every vector.
  const StageArrays a = arrays;
  const double total = scalars.total;
  const Scalars k{.total = total,
                  .inverse_total = total > 0.0 ? 1.0 / total : 0.0,
                  .lethality = scalars.lethality,
                  .saturation = scalars.saturation,
                  .weight = scalars.weight,
                  .next_offset = scalars.next_offset};
  constexpr bool kSumFlows = kKind == StageKind::last;
  LaneSums<W> next_sums;
  LaneSums<W> flow_sums[4];
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (std::size_t v = 0; v < kLanes / W; ++v) {
      Vector<W> flows[4];
      next_sums.part[v] += stage_at<kKind>(a, i + v * W, k, flows);
      if constexpr (kSumFlows) {
        for (std::size_t f = 0; f < 4; ++f) flow_sums[f].part[v] += flows[f];
      }
    }
  }
  double next_tail[kLanes];
  double flow_tail[4][kLanes];
  stage_tail<kKind, std::min(W, kLanes / 2)>(a, k, i, n - i, 0, next_tail, flow_tail);
  if constexpr (kSumFlows) {
    if (a.flow_totals != nullptr) {
      for (std::size_t f = 0; f < 4; ++f)
        a.flow_totals[f] = flow_sums[f].finish(flow_tail[f], n - i);
    }
  }
  return next_sums.finish(next_tail, n - i);
}

template <std::size_t W>
[[gnu::always_inline]] inline double run_any_stage(StageKind kind, std::size_t n,
                                                   const StageArrays& a,
                                                   const StageScalars& scalars) {
  switch (kind) {
    case StageKind::first_of_week:
      return run_stage<StageKind::first_of_week, W>(n, a, scalars);
    case StageKind::first:
      return run_stage<StageKind::first, W>(n, a, scalars);
    case StageKind::middle:
      return run_stage<StageKind::middle, W>(n, a, scalars);
    case StageKind::last:
      break;
  }
  return run_stage<StageKind::last, W>(n, a, scalars);
}

double stage_baseline(StageKind kind, std::size_t n, const StageArrays& a,
                      const StageScalars& scalars) {
  return run_any_stage<2>(kind, n, a, scalars);
}

// AVX2 exists only on x86-64; elsewhere (aarch64 clusters and laptops) the baseline build of
// the loop is the only one, and `supported(avx2)` is false.
#if defined(__x86_64__)
[[gnu::target("avx2")]] double stage_avx2(StageKind kind, std::size_t n, const StageArrays& a,
                                          const StageScalars& scalars) {
  return run_any_stage<4>(kind, n, a, scalars);
}
#else
double stage_avx2(StageKind kind, std::size_t n, const StageArrays& a,
                  const StageScalars& scalars) {
  return run_any_stage<2>(kind, n, a, scalars);
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
  return run_any_stage<8>(kind, n, a, scalars);
}
#else
[[maybe_unused]] constexpr bool kAvx512Built = false;
double stage_avx512(StageKind kind, std::size_t n, const StageArrays& a,
                    const StageScalars& scalars) {
  return run_any_stage<2>(kind, n, a, scalars);
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

double lane_total(const double* values, std::size_t count) {
  return sum_in_lanes<2>(values, count);
}

}  // namespace seccoop::agents::rk4
