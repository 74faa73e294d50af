#pragma once
// National totals of a week, summed the way the results have always been: each total adds its
// values one by one, in slot order, starting from 0.0. That order is part of the results (a
// different one rounds differently), so these helpers keep it and save only what does not
// change a bit: the passes (four chains of additions run side by side in one loop instead of
// one after the other), and the chain itself when every value is zero.
#include <cstddef>
#include <span>

#include "agents/cartel/membership_dynamics.hpp"

namespace seccoop::agents {

/// `from` plus `values`, added in order. When every value is +0 or -0 the sum is `from`
/// without the chain of dependent additions (a scan that vectorizes decides that): the
/// tallies of a world without state actors are all zero every week. `from` is 0.0 or a sum
/// continued (never -0, which a sum that starts from 0.0 cannot be).
[[nodiscard]] double ordered_sum(std::span<const double> values, double from = 0.0);

/// The week's flows of the core, summed over cartel slots.
struct FlowTotals {
  double recruits = 0.0;
  double incapacitated = 0.0;
  double deaths = 0.0;
  double exits = 0.0;
};

/// `from` plus the flows of slots [begin, end), each total added in slot order.
[[nodiscard]] FlowTotals add_flows(const MembershipFlows& flows, std::size_t begin, std::size_t end,
                                   FlowTotals from);

}  // namespace seccoop::agents
