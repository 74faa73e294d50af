#pragma once
// The cartel network as the calibrated core sees it: names, and undirected rivalry and alliance
// weights (each pair once, i < j).
#include <cstdint>
#include <string>
#include <vector>

namespace seccoop::agents {

/// The largest rivalry or alliance weight any input may give (the published CSV files, a world
/// file's `rivalries:` and `alliances:`, a tail's `tie_weight`). The published weights are small
/// whole numbers, 1 to 13 for rivalries and 1 to 6 for alliances; 1e6 leaves room for any
/// rescaling a study may try, while a weight times members (at most 1e9 each) stays far inside
/// the range of a double. Unbounded, a rivalry of 1e300 gave 1.9e303 homicides a year and one
/// of 1.7e308 gave inf, both with exit code 0.
inline constexpr double kMaxPairWeight = 1e6;

struct WeightedPair {
  std::uint32_t first = 0;  // first < second
  std::uint32_t second = 0;
  double weight = 0.0;
};

struct CartelNetwork {
  std::vector<std::string> node_ids;  // as in the source, e.g. "N10025"
  std::vector<std::string> names;
  std::vector<std::string> home_states;
  std::vector<WeightedPair> rivalries;
  std::vector<WeightedPair> alliances;

  [[nodiscard]] std::size_t size() const noexcept { return names.size(); }
};

/// Sum over each cartel of its rivalry plus alliance weights: what the published model ranks
/// cartels by to set initial sizes.
std::vector<double> total_tie_strength(const CartelNetwork& network);

/// Initial members proportional to rank^-1, rank 1 being the strongest tie strength; ties keep
/// file order. The result sums to `total_members`.
std::vector<double> initial_members_by_rank(const CartelNetwork& network, double total_members);

}  // namespace seccoop::agents
