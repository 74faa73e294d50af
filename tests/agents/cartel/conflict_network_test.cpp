#include "agents/cartel/conflict_network.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

namespace seccoop::agents {
namespace {

/// The conflict term written out densely, straight from MODEL.md section 6, with the contest
/// multiplier on rivalries (docs/MODEL.md).
std::vector<double> dense_exposure(std::size_t n, const std::vector<WeightedPair>& rivalries,
                                   const std::vector<WeightedPair>& alliances,
                                   const std::vector<double>& y, const std::vector<double>& m) {
  std::vector<std::vector<double>> rival(n, std::vector<double>(n, 0.0));
  std::vector<double> allies(n, 0.0);
  for (const auto& p : rivalries) rival[p.first][p.second] = rival[p.second][p.first] = p.weight;
  for (const auto& p : alliances) {
    allies[p.first] += p.weight;
    allies[p.second] += p.weight;
  }
  std::vector<double> exposure(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      exposure[i] += (rival[i][j] * m[i] * m[j] + 1.0) / (allies[i] + 1.0) * y[j];
    }
  }
  return exposure;
}

TEST(ConflictNetwork, SparseFormEqualsTheDenseDefinition) {
  const std::size_t n = 6;
  const std::vector<WeightedPair> rivalries = {{0, 1, 3.0}, {1, 4, 1.0}, {2, 5, 7.0}};
  const std::vector<WeightedPair> alliances = {{0, 2, 2.0}, {3, 4, 1.0}};
  const std::vector<double> y = {1000, 250, 4000, 10, 0, 777};
  const std::vector<double> m = {1.0, 2.5, 1.0, 1.0, 1.2, 3.0};
  const ConflictNetwork network(n, rivalries, alliances);
  std::vector<double> exposure(n);
  network.conflict_exposure(y, m, exposure);
  const auto expected = dense_exposure(n, rivalries, alliances, y, m);
  for (std::size_t i = 0; i < n; ++i)
    EXPECT_NEAR(exposure[i], expected[i], 1e-9 * expected[i]) << i;
}

TEST(ConflictNetwork, RivalrySumsGiveTheExposureExactly) {
  const std::size_t n = 6;
  const std::vector<WeightedPair> rivalries = {{0, 1, 3.0}, {1, 4, 1.0}, {2, 5, 7.0}, {1, 5, 0.3}};
  const std::vector<WeightedPair> alliances = {{0, 2, 2.0}, {3, 4, 1.0}};
  const std::vector<double> y = {1000, 250, 4000, 10, 0, 777};
  std::vector<double> m = {1.0, 2.5, 1.0, 1.0, 1.2, 3.0};
  ConflictNetwork network(n, rivalries, alliances);
  network.set_multipliers(m);
  m[5] = 1.5;  // multipliers change: the factors follow
  network.set_multipliers(m);
  const std::vector<double> weights = {3.0, 2.0, 7.0, 0.3};  // and weights
  network.set_rivalry_weights(weights);
  network.set_multipliers(m);
  std::vector<double> exposure(n);
  network.conflict_exposure(y, m, exposure);
  std::vector<double> rivals(n, 0.0);
  network.add_rivalry_sums(y.data(), rivals.data());
  double total = 0.0;
  for (const double v : y) total += v;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ((m[i] * rivals[i] + total - y[i]) * network.inverse_allies_plus_one()[i], exposure[i])
        << i;
  }
}

TEST(ConflictNetwork, AHubsSumIsTheScattersBitForBit) {
  // Cartel 3 has ten rivals (a hub: its terms are summed apart), cartel 7 has three.
  const std::size_t n = 14;
  std::vector<WeightedPair> rivalries;
  for (std::uint32_t j = 4; j < n; ++j) {
    rivalries.push_back(
        {.first = j % 2 == 0 ? 3U : j, .second = j % 2 == 0 ? j : 3U, .weight = 0.1 * j + 0.7});
    if (j % 3 == 0 && j != 9) rivalries.push_back({.first = 7, .second = j, .weight = 1.3 / j});
  }
  rivalries.push_back({.first = 0, .second = 3, .weight = 1e-3});  // the hub's last term
  ConflictNetwork network(n, rivalries, {});
  std::vector<double> m(n, 1.0);
  m[3] = 1.7;
  network.set_multipliers(m);
  std::vector<double> y(n);
  for (std::size_t i = 0; i < n; ++i) y[i] = 1000.0 / (1.0 + static_cast<double>(i)) + 0.1;

  std::vector<double> expected(n, 0.0);  // the plain scatter, in rivalry index order
  for (const WeightedPair& r : rivalries) {
    expected[r.first] += r.weight * m[r.second] * y[r.second];
    expected[r.second] += r.weight * m[r.first] * y[r.first];
  }
  std::vector<double> rivals(n, 0.0);
  // Sums written over the last ones (the RK4 stages call it four times a week, nothing
  // cleared in between): the first term into a slot replaces what was there.
  std::vector<double> earlier_y(n, 5e4);
  network.add_rivalry_sums(earlier_y.data(), rivals.data());
  network.add_rivalry_sums(y.data(), rivals.data());
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(rivals[i]), std::bit_cast<std::uint64_t>(expected[i]))
        << i;
  }
  EXPECT_EQ(rivals[1], 0.0);  // no rivals: the zero the caller left
}

TEST(ConflictNetwork, ReorderedTermsKeepEachSumsOrder) {
  // The scatter adds terms round by round and by source cartel within a round; each cartel's
  // own terms must still come in rivalry order. Cartel 0's rivals come in descending source
  // order with terms that round differently in another order: (1e16 + 1) + 1 is 1e16, while
  // 1e16 + (1 + 1) is not. Cartel 1 shares sources with it, in the other order.
  const std::size_t n = 6;
  const std::vector<WeightedPair> rivalries = {{0, 5, 1e16}, {0, 4, 1.0}, {0, 2, 1.0},
                                               {1, 2, 1.0},  {1, 4, 1.0}, {1, 5, 1e16}};
  ConflictNetwork network(n, rivalries, {});
  const std::vector<double> m(n, 1.0);
  network.set_multipliers(m);
  const std::vector<double> y(n, 1.0);
  std::vector<double> rivals(n, 0.0);
  network.add_rivalry_sums(y.data(), rivals.data());
  EXPECT_EQ(rivals[0], (1e16 + 1.0) + 1.0);
  EXPECT_EQ(rivals[1], (1.0 + 1.0) + 1e16);
  EXPECT_NE(rivals[0], rivals[1]);  // the orders differ, and so do the sums
}

TEST(ConflictNetwork, ASumStartsFromPositiveZeroAsTheScattersDid) {
  // A rivalry of weight -0.0 (the reader allows no negative weights, but the sums must not
  // depend on that): the scatter's 0.0 + -0.0 is +0.0.
  ConflictNetwork network(2, {{0, 1, -0.0}}, {});
  network.set_multipliers(std::vector<double>{1.0, 1.0});
  const std::vector<double> y = {10.0, 20.0};
  std::vector<double> rivals(2, 0.0);
  network.add_rivalry_sums(y.data(), rivals.data());
  EXPECT_FALSE(std::signbit(rivals[0]));
  EXPECT_FALSE(std::signbit(rivals[1]));
}

}  // namespace
}  // namespace seccoop::agents
