#pragma once
// Compressed adjacency of the conflict term of the calibrated core:
//
//   sum_j C_ij m_ij y_j,  C_ij m_ij = (w_ij m_i m_j + 1) / (allies_i + 1),  j != i
//
// The "+1" makes C dense, but that part is one total: (Y - y_i) / (allies_i + 1) with
// Y = sum_j y_j, so an evaluation costs O(cartels + rivalries). A succession-contest multiplier
// m scales a cartel's rivalries only, not the diffuse conflict every pair has (docs/MODEL.md).
// Rivalry weights are passed at evaluation time (they escalate after splits); the topology is
// fixed until the network is rebuilt.
#include <cstdint>
#include <span>
#include <vector>

#include "agents/network/cartel_network.hpp"

namespace seccoop::agents {

class ConflictNetwork {
 public:
  ConflictNetwork() = default;
  ConflictNetwork(std::size_t cartel_count, const std::vector<WeightedPair>& rivalries,
                  const std::vector<WeightedPair>& alliances);

  [[nodiscard]] std::size_t size() const noexcept { return inverse_allies_plus_one_.size(); }
  [[nodiscard]] std::size_t rivalry_count() const noexcept { return initial_weight_.size(); }
  /// Rivalry weights as given at construction, by rivalry index.
  [[nodiscard]] const std::vector<double>& initial_weights() const noexcept {
    return initial_weight_;
  }

  /// Sets the current rivalry weights, by rivalry index (they escalate after splits). Kept per
  /// adjacency entry so that evaluations, four per RK4 step, need no indirection.
  void set_rivalry_weights(std::span<const double> rivalry_weight);

  /// exposure_i = sum_{j != i} C_ij m_ij y_j for every cartel i, with the weights last set.
  void conflict_exposure(std::span<const double> members, std::span<const double> multiplier,
                         std::span<double> exposure) const;

 private:
  std::vector<std::uint32_t> row_start_;  // rivals of i are [row_start_[i], row_start_[i+1])
  std::vector<std::uint32_t> rival_;
  std::vector<std::uint32_t> rivalry_index_;
  std::vector<double> entry_weight_;  // weight of each adjacency entry
  std::vector<double> initial_weight_;
  std::vector<double> inverse_allies_plus_one_;
};

}  // namespace seccoop::agents
