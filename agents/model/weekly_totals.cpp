#include "agents/model/weekly_totals.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

#include "sim/parallel/vector_clones.hpp"

namespace seccoop::agents {

namespace {

/// True when every value is +0 or -0: shifting out the sign bit leaves zero exactly for them.
/// Eight interleaved ORs, so that the vectorized loop is not one chain of dependent ORs.
SECCOOP_VECTOR_CLONES bool all_zero(std::span<const double> values) {
  constexpr std::size_t kLanes = 8;
  std::uint64_t lane[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= values.size(); i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      lane[l] |= std::bit_cast<std::uint64_t>(values[i + l]) << 1U;
    }
  }
  std::uint64_t bits = 0;
  for (; i < values.size(); ++i) bits |= std::bit_cast<std::uint64_t>(values[i]) << 1U;
  for (const std::uint64_t l : lane) bits |= l;
  return bits == 0;
}

/// Eight lanes of a sum: value i of a range goes to lane i mod 8, as in rk4::lane_total.
constexpr std::size_t kLanes = 8;

/// Two doubles in one register wherever the target has one (a GCC and Clang extension, portable
/// across targets, that keeps the lanes of a sum apart whatever the compiler's vectorizer does).
using Pair = double __attribute__((vector_size(2 * sizeof(double))));

Pair load_pair(const double* values) {
  Pair pair;
  std::memcpy(&pair, values, sizeof pair);
  return pair;
}

/// The lanes combined in rk4::lane_total's order.
double combined(const double (&lane)[kLanes]) {
  return ((lane[0] + lane[4]) + (lane[2] + lane[6])) + ((lane[1] + lane[5]) + (lane[3] + lane[7]));
}

/// The eight-lane sums of two arrays in one loop: eight independent chains of additions, two
/// doubles each, which fit the sixteen vector registers of every x86-64 (sixteen chains, four
/// arrays at once, did not: one chain went through the stack, and that was the loop's cost).
std::pair<double, double> two_lane_sums(const double* a, const double* b, std::size_t count) {
  Pair lane_a[kLanes / 2] = {};
  Pair lane_b[kLanes / 2] = {};
  std::size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    for (std::size_t v = 0; v < kLanes / 2; ++v) {
      lane_a[v] += load_pair(a + i + 2 * v);
      lane_b[v] += load_pair(b + i + 2 * v);
    }
  }
  double total_a[kLanes];
  double total_b[kLanes];
  for (std::size_t v = 0; v < kLanes / 2; ++v) {
    total_a[2 * v] = lane_a[v][0];
    total_a[2 * v + 1] = lane_a[v][1];
    total_b[2 * v] = lane_b[v][0];
    total_b[2 * v + 1] = lane_b[v][1];
  }
  for (std::size_t l = 0; i + l < count; ++l) {
    total_a[l] += a[i + l];
    total_b[l] += b[i + l];
  }
  return {combined(total_a), combined(total_b)};
}

}  // namespace

double ordered_sum(std::span<const double> values, double from) {
  if (all_zero(values)) return from;  // from + (+0 or -0) is from, unless from is -0
  double sum = from;
  for (const double value : values) sum += value;
  return sum;
}

FlowTotals add_flows(const MembershipFlows& flows, std::size_t begin, std::size_t end,
                     FlowTotals from) {
  if (end <= begin) return from;
  const std::size_t count = end - begin;
  const auto [recruits, incapacitated] =
      two_lane_sums(flows.recruits.data() + begin, flows.incapacitated.data() + begin, count);
  const auto [deaths, exits] =
      two_lane_sums(flows.deaths.data() + begin, flows.exits.data() + begin, count);
  from.recruits += recruits;
  from.incapacitated += incapacitated;
  from.deaths += deaths;
  from.exits += exits;
  return from;
}

}  // namespace seccoop::agents
