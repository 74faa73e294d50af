#include "agents/cartel/conflict_network.hpp"

#include <numeric>

#include "sim/parallel/parallel_blocks.hpp"

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
  for (std::size_t i = 0; i < cartel_count; ++i)
    inverse_allies_plus_one_[i] = 1.0 / (allies[i] + 1.0);

  // Counting sort of both directions of every rivalry into rows.
  for (const auto& pair : rivalries) {
    ++row_start_[pair.first + 1];
    ++row_start_[pair.second + 1];
    initial_weight_.push_back(pair.weight);
  }
  std::partial_sum(row_start_.begin(), row_start_.end(), row_start_.begin());
  rival_.resize(row_start_.back());
  rivalry_index_.resize(row_start_.back());
  std::vector<std::uint32_t> next(row_start_.begin(), row_start_.end() - 1);
  for (std::uint32_t r = 0; r < rivalries.size(); ++r) {
    const auto& pair = rivalries[r];
    rival_[next[pair.first]] = pair.second;
    rivalry_index_[next[pair.first]++] = r;
    rival_[next[pair.second]] = pair.first;
    rivalry_index_[next[pair.second]++] = r;
  }
  entry_weight_.resize(rival_.size());
  set_rivalry_weights(initial_weight_);
}

void ConflictNetwork::set_rivalry_weights(std::span<const double> rivalry_weight) {
  for (std::size_t k = 0; k < rival_.size(); ++k)
    entry_weight_[k] = rivalry_weight[rivalry_index_[k]];
}

void ConflictNetwork::conflict_exposure(std::span<const double> members,
                                        std::span<const double> multiplier,
                                        std::span<double> exposure) const {
  double total = 0.0;  // serial: a sum's rounding must not depend on the thread count
  for (const double y : members) total += y;
  sim::for_each_block(members.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      double rivals = 0.0;
      for (std::uint32_t k = row_start_[i]; k < row_start_[i + 1]; ++k) {
        const std::uint32_t j = rival_[k];
        rivals += entry_weight_[k] * multiplier[j] * members[j];
      }
      exposure[i] = (multiplier[i] * rivals + total - members[i]) * inverse_allies_plus_one_[i];
    }
  });
}

}  // namespace seccoop::agents
