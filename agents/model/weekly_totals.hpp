#pragma once
// National totals of a week. The order of a sum is part of the results (another order rounds
// differently), so each helper fixes one. ordered_sum adds its values one by one, in slot
// order, starting from 0.0, as the results always have, and saves only what does not change a
// bit: the chain of additions when every value is zero. add_flows sums each of the core's four
// flows in eight interleaved lanes combined in a fixed order, the order of the RK4 stage totals
// (rk4::lane_total): eight independent chains instead of one, the same result on every machine.
#include <cstddef>
#include <span>

#include "agents/cartel/membership_dynamics.hpp"

namespace seccoop::agents {

/// `from` plus `values`, added in order. When every value is +0 or -0 the sum is `from`
/// without the chain of dependent additions (a scan that vectorizes decides that): the
/// tallies of a world without state actors are all zero every week. `from` is 0.0 or a sum
/// continued (never -0, which a sum that starts from 0.0 cannot be).
[[nodiscard]] double ordered_sum(std::span<const double> values, double from = 0.0);

/// `from` plus the flows of slots [begin, end): each flow's eight-lane sum (value i of the range
/// into lane i mod 8, lanes combined as rk4::lane_total does), added to `from`.
[[nodiscard]] FlowTotals add_flows(const MembershipFlows& flows, std::size_t begin, std::size_t end,
                                   FlowTotals from);

}  // namespace seccoop::agents
