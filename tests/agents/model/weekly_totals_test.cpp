// Weekly totals (agents/model/weekly_totals.hpp), bit for bit: ordered_sum is the serial sum
// the results were always made of (its shortcut must not change a rounding or the sign of a
// zero); add_flows is the eight-lane sum of the RK4 stage totals, whatever vectors run it.
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

/// Value i into lane i mod 8, lanes combined as ((0+4)+(2+6))+((1+5)+(3+7)).
double eight_lane_sum(const std::vector<double>& values) {
  double lane[8] = {};
  for (std::size_t i = 0; i < values.size(); ++i) lane[i % 8] += values[i];
  return ((lane[0] + lane[4]) + (lane[2] + lane[6])) + ((lane[1] + lane[5]) + (lane[3] + lane[7]));
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

TEST(WeeklyTotals, FlowTotalsAreEightLaneSumsContinuedAcrossRanges) {
  // 21 slots: two full rounds of eight lanes and a tail of five. Values that round differently
  // in another order (1e16 + 1 + 1), negative flows and zeros.
  MembershipFlows flows;
  for (std::size_t c = 0; c < 21; ++c) {
    const auto x = static_cast<double>(c);
    flows.recruits.push_back(0.1 * x);
    flows.incapacitated.push_back((c % 9 == 0 ? 1e16 : 0.0) + x);
    flows.deaths.push_back(0.3 / (x + 1.0));
    flows.exits.push_back(-0.7 * x);
  }
  const auto slots = [](const std::vector<double>& values, std::size_t begin, std::size_t end) {
    return std::vector<double>(values.begin() + static_cast<std::ptrdiff_t>(begin),
                               values.begin() + static_cast<std::ptrdiff_t>(end));
  };
  // The eight-lane order differs from the serial one here, so the test can tell them apart.
  ASSERT_NE(bits(eight_lane_sum(flows.incapacitated)), bits(serial_sum(flows.incapacitated)));

  const FlowTotals all = add_flows(flows, 0, 21, {});
  EXPECT_EQ(bits(all.recruits), bits(eight_lane_sum(flows.recruits)));
  EXPECT_EQ(bits(all.incapacitated), bits(eight_lane_sum(flows.incapacitated)));
  EXPECT_EQ(bits(all.deaths), bits(eight_lane_sum(flows.deaths)));
  EXPECT_EQ(bits(all.exits), bits(eight_lane_sum(flows.exits)));

  // Slots past those in use continue the total of those in use.
  const FlowTotals in_use = add_flows(flows, 0, 13, {});
  const FlowTotals continued = add_flows(flows, 13, 21, in_use);
  EXPECT_EQ(bits(in_use.deaths), bits(eight_lane_sum(slots(flows.deaths, 0, 13))));
  EXPECT_EQ(bits(continued.incapacitated),
            bits(eight_lane_sum(slots(flows.incapacitated, 0, 13)) +
                 eight_lane_sum(slots(flows.incapacitated, 13, 21))));
  const FlowTotals none = add_flows(flows, 21, 21, in_use);
  EXPECT_EQ(bits(none.exits), bits(in_use.exits));
}

}  // namespace
}  // namespace seccoop::agents
