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
  order_terms();
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

void ConflictNetwork::order_terms() {
  std::vector<bool> written(sum_slots(), false);
  std::vector<std::uint32_t> later_rivalry;
  for (std::size_t r = 0; r < rivalry_.size(); ++r) {
    const Rivalry& rivalry = rivalry_[r];
    for (const Term term : {Term{.slot = rivalry.first_slot, .source = rivalry.second},
                            Term{.slot = rivalry.second_slot, .source = rivalry.first}}) {
      const bool first = !written[term.slot];
      written[term.slot] = true;
      (first ? first_terms_ : later_terms_).push_back(term);
      if (first) {
        term_rivalry_.push_back(static_cast<std::uint32_t>(r));
      } else {
        later_rivalry.push_back(static_cast<std::uint32_t>(r));
      }
    }
  }
  term_rivalry_.insert(term_rivalry_.end(), later_rivalry.begin(), later_rivalry.end());
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
  std::size_t t = 0;
  for (std::vector<Term>* terms : {&first_terms_, &later_terms_}) {
    for (Term& term : *terms) term.factor = weight_[term_rivalry_[t++]] * multiplier[term.source];
  }
  factors_stale_ = false;
}

void ConflictNetwork::add_rivalry_sums(const double* __restrict members,
                                       double* __restrict rivals) const {
  // 0.0 + t, not t: the sum starts from +0.0, as a running sum does (0.0 + -0.0 is +0.0).
  for (const Term& t : first_terms_) rivals[t.slot] = 0.0 + t.factor * members[t.source];
  for (const Term& t : later_terms_) rivals[t.slot] += t.factor * members[t.source];
  // Each of a hub's terms went to a slot of its own as 0 + t, as it would have been added to
  // the hub's running sum: added here in the same order, the hub's sum is the one the scatter
  // would have made.
  for (const Hub& hub : hubs_) {
    double sum = 0.0;
    for (std::uint32_t k = hub.begin; k < hub.end; ++k) sum += rivals[k];
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
