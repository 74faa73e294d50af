#include "agents/model/weekly_totals.hpp"

#include <bit>
#include <cstdint>

namespace seccoop::agents {

double ordered_sum(std::span<const double> values) {
  // Shifting out the sign bit leaves zero exactly for +0 and -0; OR has no chain to wait on.
  std::uint64_t bits = 0;
  for (const double value : values) bits |= std::bit_cast<std::uint64_t>(value) << 1U;
  if (bits == 0) return 0.0;  // 0.0 + (+0 or -0) is +0, whatever the count
  double sum = 0.0;
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
