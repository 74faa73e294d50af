#include "agents/cartel/conflict_network.hpp"

#include <numeric>

namespace seccoop::agents {

ConflictNetwork::ConflictNetwork(std::size_t cartel_count,
                                 const std::vector<WeightedPair>& rivalries,
                                 const std::vector<WeightedPair>& alliances)
    : row_start_(cartel_count + 1, 0), inverse_allies_plus_one_(cartel_count, 1.0) {
  std::vector<double> allies(cartel_count, 0.0);
  for (const auto& pair : alliances) {
    allies[pair.first] += pair.weight;
    allies[pair.second] += pair.weight;
  }
  for (std::size_t i = 0; i < cartel_count; ++i) inverse_allies_plus_one_[i] = 1.0 / (allies[i] + 1.0);

  // Counting sort of both directions of every rivalry into rows.
  for (const auto& pair : rivalries) {
    ++row_start_[pair.first + 1];
    ++row_start_[pair.second + 1];
  }
  std::partial_sum(row_start_.begin(), row_start_.end(), row_start_.begin());
  rival_.resize(row_start_.back());
  rival_weight_.resize(row_start_.back());
  std::vector<std::uint32_t> next(row_start_.begin(), row_start_.end() - 1);
  for (const auto& pair : rivalries) {
    rival_[next[pair.first]] = pair.second;
    rival_weight_[next[pair.first]++] = pair.weight;
    rival_[next[pair.second]] = pair.first;
    rival_weight_[next[pair.second]++] = pair.weight;
  }
}

void ConflictNetwork::conflict_exposure(std::span<const double> members,
                                        std::span<const double> multiplier,
                                        std::span<double> exposure) const {
  double weighted_total = 0.0;
  for (std::size_t j = 0; j < members.size(); ++j) weighted_total += multiplier[j] * members[j];
  for (std::size_t i = 0; i < members.size(); ++i) {
    const double own = multiplier[i] * members[i];
    double sum = weighted_total - own;
    for (std::uint32_t k = row_start_[i]; k < row_start_[i + 1]; ++k) {
      const std::uint32_t j = rival_[k];
      sum += rival_weight_[k] * multiplier[j] * members[j];
    }
    exposure[i] = multiplier[i] * sum * inverse_allies_plus_one_[i];
  }
}

}  // namespace seccoop::agents
