#include "agents/model/weekly_totals.hpp"

#include <bit>
#include <cstdint>

namespace seccoop::agents {

namespace {

/// True when every value is +0 or -0: shifting out the sign bit leaves zero exactly for them.
/// Eight interleaved ORs, so that the vectorized loop is not one chain of dependent ORs.
bool all_zero(std::span<const double> values) {
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

}  // namespace

double ordered_sum(std::span<const double> values, double from) {
  if (all_zero(values)) return from;  // from + (+0 or -0) is from, unless from is -0
  double sum = from;
  for (const double value : values) sum += value;
  return sum;
}

FlowTotals add_flows(const MembershipFlows& flows, std::size_t begin, std::size_t end,
                     FlowTotals from) {
  for (std::size_t c = begin; c < end; ++c) {
    from.recruits += flows.recruits[c];
    from.incapacitated += flows.incapacitated[c];
    from.deaths += flows.deaths[c];
    from.exits += flows.exits[c];
  }
  return from;
}

}  // namespace seccoop::agents
