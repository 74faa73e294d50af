#pragma once
// Compressed adjacency of the conflict term C_ij = (rival_ij + 1) / (allies_i + 1).
//
// C is dense (every pair has the "+1"), but sum_j C_ij m_j y_j splits into a sparse part over
// rivals and a dense part that is one total: (sum_{j in rivals} w_ij m_j y_j + M - m_i y_i) /
// (allies_i + 1), with M = sum_j m_j y_j. One evaluation therefore costs O(cartels + edges).
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

  /// pressure_i = m_i * sum_{j != i} C_ij m_j y_j, for every cartel i.
  void conflict_exposure(std::span<const double> members, std::span<const double> multiplier,
                         std::span<double> exposure) const;

  [[nodiscard]] double inverse_allies_plus_one(std::size_t cartel) const {
    return inverse_allies_plus_one_[cartel];
  }

 private:
  std::vector<std::uint32_t> row_start_;  // rivals of i are [row_start_[i], row_start_[i+1])
  std::vector<std::uint32_t> rival_;
  std::vector<double> rival_weight_;
  std::vector<double> inverse_allies_plus_one_;
};

}  // namespace seccoop::agents
