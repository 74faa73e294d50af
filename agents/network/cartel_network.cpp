#include "agents/network/cartel_network.hpp"

#include <algorithm>
#include <numeric>

namespace seccoop::agents {

std::vector<double> total_tie_strength(const CartelNetwork& network) {
  std::vector<double> strength(network.size(), 0.0);
  for (const auto* pairs : {&network.rivalries, &network.alliances}) {
    for (const auto& pair : *pairs) {
      strength[pair.first] += pair.weight;
      strength[pair.second] += pair.weight;
    }
  }
  return strength;
}

std::vector<double> initial_members_by_rank(const CartelNetwork& network, double total_members) {
  const std::vector<double> strength = total_tie_strength(network);
  std::vector<std::size_t> order(network.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return strength[a] > strength[b]; });
  std::vector<double> members(network.size(), 0.0);
  double harmonic = 0.0;
  for (std::size_t rank = 1; rank <= order.size(); ++rank) {
    harmonic += 1.0 / static_cast<double>(rank);
  }
  for (std::size_t rank = 1; rank <= order.size(); ++rank) {
    members[order[rank - 1]] = total_members / (static_cast<double>(rank) * harmonic);
  }
  return members;
}

}  // namespace seccoop::agents
