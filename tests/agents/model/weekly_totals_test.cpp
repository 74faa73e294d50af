// Weekly totals (agents/model/weekly_totals.hpp) are the serial sums the results were always
// made of, bit for bit: the shortcuts must not change a single rounding or the sign of a zero.
#include "agents/model/weekly_totals.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <span>
#include <vector>

namespace seccoop::agents {
namespace {

std::uint64_t bits(double value) { return std::bit_cast<std::uint64_t>(value); }

double serial_sum(const std::vector<double>& values) {
  double sum = 0.0;
  for (const double value : values) sum += value;
  return sum;
}

TEST(WeeklyTotals, OrderedSumAddsInOrderFromZero) {
  // Reassociated, these would round differently: (1e16 + 1) + 1 != 1e16 + (1 + 1).
  const std::vector<double> values = {1e16, 1.0, 1.0, -3.0, 0.1, 0.2, 0.3};
  EXPECT_EQ(bits(ordered_sum(values)), bits(serial_sum(values)));
}

TEST(WeeklyTotals, AllZerosSumToPositiveZero) {
  EXPECT_EQ(bits(ordered_sum({})), bits(0.0));
  EXPECT_EQ(bits(ordered_sum(std::vector<double>(150, 0.0))), bits(0.0));
  const std::vector<double> negative_zeros(7, -0.0);
  EXPECT_EQ(bits(ordered_sum(negative_zeros)), bits(serial_sum(negative_zeros)));
  // One value that is not zero, anywhere, takes the serial path.
  std::vector<double> one(150, 0.0);
  one[149] = 5e-324;  // the smallest subnormal: only its lowest bit is set
  EXPECT_EQ(ordered_sum(one), 5e-324);
}

TEST(WeeklyTotals, OrderedSumContinuesASum) {
  std::vector<double> values = {0.1, 0.2, 0.0, -0.0, 0.0};
  const std::span<const double> all(values);
  for (const std::size_t split : {0U, 1U, 2U, 3U, 5U}) {
    const double first = ordered_sum(all.first(split));
    EXPECT_EQ(bits(ordered_sum(all.subspan(split), first)), bits(serial_sum(values))) << split;
  }
  values[4] = 1e-17;  // a tail that is not zero continues the chain
  EXPECT_EQ(
      bits(ordered_sum(std::span<const double>(values).subspan(3), ordered_sum(all.first(3)))),
      bits(serial_sum(values)));
}

TEST(WeeklyTotals, FlowTotalsContinueAcrossRanges) {
  MembershipFlows flows;
  for (std::size_t c = 0; c < 9; ++c) {
    const auto x = static_cast<double>(c);
    flows.recruits.push_back(0.1 * x);
    flows.incapacitated.push_back(1e16 * (c == 0 ? 1.0 : 0.0) + x);
    flows.deaths.push_back(0.3 / (x + 1.0));
    flows.exits.push_back(-0.7 * x);
  }
  const FlowTotals first = add_flows(flows, 0, 4, {});
  const FlowTotals all = add_flows(flows, 4, 9, first);
  EXPECT_EQ(bits(first.deaths),
            bits(serial_sum({flows.deaths[0], flows.deaths[1], flows.deaths[2], flows.deaths[3]})));
  EXPECT_EQ(bits(all.recruits), bits(serial_sum(flows.recruits)));
  EXPECT_EQ(bits(all.incapacitated), bits(serial_sum(flows.incapacitated)));
  EXPECT_EQ(bits(all.deaths), bits(serial_sum(flows.deaths)));
  EXPECT_EQ(bits(all.exits), bits(serial_sum(flows.exits)));
}

}  // namespace
}  // namespace seccoop::agents
