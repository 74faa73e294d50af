#include "agents/cartel/conflict_network.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace seccoop::agents
