#include "agents/cartel/conflict_network.hpp"

#include <algorithm>
#include <cstring>

#include "sim/parallel/parallel_blocks.hpp"

namespace seccoop::agents {

ConflictNetwork::ConflictNetwork(std::size_t cartel_count,
                                 const std::vector<WeightedPair>& rivalries,
                                 const std::vector<WeightedPair>& alliances)
    : inverse_allies_plus_one_(cartel_count, 1.0) {
  std::vector<double> allies(cartel_count, 0.0);
  for (const auto& pair : alliances) {
    allies[pair.first] += pair.weight;
    allies[pair.second] += pair.weight;
  }
  for (std::size_t i = 0; i < cartel_count; ++i)
    inverse_allies_plus_one_[i] = 1.0 / (allies[i] + 1.0);
  for (const auto& pair : rivalries) {
    rivalry_.push_back({.first = pair.first,
                        .second = pair.second,
                        .first_slot = pair.first,
                        .second_slot = pair.second});
    initial_weight_.push_back(pair.weight);
  }
  weight_ = initial_weight_;
  place_hub_terms(cartel_count);
}

void ConflictNetwork::place_hub_terms(std::size_t cartel_count) {
  // Enough rivals that the chain through memory outweighs a second short pass.
  constexpr std::size_t kHubRivalries = 8;
  std::vector<std::size_t> rivals_of(cartel_count, 0);
  for (const Rivalry& r : rivalry_) {
    ++rivals_of[r.first];
    ++rivals_of[r.second];
  }
  auto slot = static_cast<std::uint32_t>(cartel_count);
  for (std::size_t c = 0; c < cartel_count; ++c) {
    if (rivals_of[c] < kHubRivalries) continue;
    Hub hub{.cartel = static_cast<std::uint32_t>(c), .begin = slot, .end = slot};
    for (Rivalry& r : rivalry_) {  // index order: the order the hub's terms are added in
      if (r.first == c) r.first_slot = hub.end++;
      if (r.second == c) r.second_slot = hub.end++;
    }
    slot = hub.end;
    hubs_.push_back(hub);
  }
  hub_terms_ = slot - cartel_count;
}

void ConflictNetwork::set_rivalry_weights(std::span<const double> rivalry_weight) {
  std::copy_n(rivalry_weight.begin(), weight_.size(), weight_.begin());
  factors_stale_ = true;
}

void ConflictNetwork::set_multipliers(std::span<const double> multiplier) {
  // Bitwise comparison (a call to memcmp, not a loop of branches): once a week, every run.
  if (!factors_stale_ && multiplier.size() == multiplier_.size() &&
      std::memcmp(multiplier.data(), multiplier_.data(), multiplier.size_bytes()) == 0) {
    return;
  }
  multiplier_.assign(multiplier.begin(), multiplier.end());
  for (std::size_t r = 0; r < rivalry_.size(); ++r) {
    Rivalry& rivalry = rivalry_[r];
    rivalry.into_first = weight_[r] * multiplier[rivalry.second];
    rivalry.into_second = weight_[r] * multiplier[rivalry.first];
  }
  factors_stale_ = false;
}

void ConflictNetwork::add_rivalry_sums(const double* __restrict members,
                                       double* __restrict rivals) const {
  for (const Rivalry& r : rivalry_) {
    rivals[r.first_slot] += r.into_first * members[r.second];
    rivals[r.second_slot] += r.into_second * members[r.first];
  }
  // Each term was added to a zero slot, as it would have been added to the hub's running sum
  // (0 + t and a running sum that started at 0 round alike): added here in the same order,
  // the hub's sum is the one the scatter would have made.
  for (const Hub& hub : hubs_) {
    double sum = rivals[hub.cartel];
    for (std::uint32_t k = hub.begin; k < hub.end; ++k) {
      sum += rivals[k];
      rivals[k] = 0.0;
    }
    rivals[hub.cartel] = sum;
  }
}

void ConflictNetwork::conflict_exposure(std::span<const double> members,
                                        std::span<const double> multiplier,
                                        std::span<double> exposure) const {
  double total = 0.0;  // serial: a sum's rounding must not depend on the thread count
  for (const double y : members) total += y;
  std::fill(exposure.begin(), exposure.end(), 0.0);
  for (std::size_t r = 0; r < rivalry_.size(); ++r) {
    const Rivalry& rivalry = rivalry_[r];
    exposure[rivalry.first] += weight_[r] * multiplier[rivalry.second] * members[rivalry.second];
    exposure[rivalry.second] += weight_[r] * multiplier[rivalry.first] * members[rivalry.first];
  }
  sim::for_each_block(members.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      exposure[i] =
          (multiplier[i] * exposure[i] + total - members[i]) * inverse_allies_plus_one_[i];
    }
  });
}

}  // namespace seccoop::agents
