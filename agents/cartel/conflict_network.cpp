#include "agents/cartel/conflict_network.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

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
    rivalry_.push_back({.first = pair.first, .second = pair.second});
    initial_weight_.push_back(pair.weight);
  }
  weight_ = initial_weight_;
  order_terms(cartel_count);
}

void ConflictNetwork::order_terms(std::size_t cartel_count) {
  // Enough rivals that the chain through memory outweighs a sum in a register apart.
  constexpr std::size_t kHubRivalries = 8;
  std::vector<std::size_t> rivals_of(cartel_count, 0);
  for (const Rivalry& r : rivalry_) {
    ++rivals_of[r.first];
    ++rivals_of[r.second];
  }
  const auto terms_of = [&](std::size_t r) {  // into first, then into second
    return std::array{Term{.into = rivalry_[r].first, .source = rivalry_[r].second},
                      Term{.into = rivalry_[r].second, .source = rivalry_[r].first}};
  };
  // Every non-hub term with its round: a cartel's first term (which starts its sum) is in
  // round 0, its second in round 1, and so on, in rivalry index order (the order of its sum).
  struct Ranked {
    Term term;
    std::uint32_t rivalry;
    std::uint32_t round;
  };
  std::vector<Ranked> ranked;
  std::vector<std::uint32_t> seen(cartel_count, 0);
  for (std::size_t r = 0; r < rivalry_.size(); ++r) {
    for (const Term& term : terms_of(r)) {
      if (rivals_of[term.into] >= kHubRivalries) continue;
      ranked.push_back({term, static_cast<std::uint32_t>(r), seen[term.into]++});
    }
  }
  // Round by round, and within a round by source cartel. A round's terms go into different
  // cartels, so their order changes no sum, and each cartel's terms stay in order; but
  // consecutive terms then rarely go into the same cartel (in rivalry order a cartel's terms
  // often came one after another, each addition waiting for the previous one's store), and the
  // sources the stage wrote first, whose stores have landed, are read first. Fewer than
  // kHubRivalries rounds (a hub's terms are summed apart).
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.round != b.round ? a.round < b.round : a.term.source < b.term.source;
  });
  stored_end_ = terms_.size();
  for (const Ranked& r : ranked) {
    terms_.push_back(r.term);
    term_rivalry_.push_back(r.rivalry);
    if (r.round == 0) stored_end_ = terms_.size();
  }
  added_end_ = terms_.size();
  // Each hub's terms in rivalry index order (the order of its sum), hubs in cartel order: one
  // pass over the rivalries into per-hub lists, so that the cost stays linear in the network
  // (a scan of every rivalry per hub was quadratic: 10,000 cartels, 100,000 rivalries, most
  // of them hubs).
  std::vector<std::int64_t> hub_of(cartel_count, -1);
  std::vector<std::uint32_t> hub_cartels;
  for (std::size_t c = 0; c < cartel_count; ++c) {
    if (rivals_of[c] < kHubRivalries) continue;
    hub_of[c] = static_cast<std::int64_t>(hub_cartels.size());
    hub_cartels.push_back(static_cast<std::uint32_t>(c));
  }
  std::vector<std::vector<std::pair<Term, std::uint32_t>>> hub_terms(hub_cartels.size());
  for (std::size_t r = 0; r < rivalry_.size(); ++r) {
    for (const Term& term : terms_of(r)) {
      if (hub_of[term.into] < 0) continue;
      hub_terms[static_cast<std::size_t>(hub_of[term.into])].emplace_back(
          term, static_cast<std::uint32_t>(r));
    }
  }
  for (std::size_t h = 0; h < hub_cartels.size(); ++h) {
    Hub hub{.cartel = hub_cartels[h], .begin = static_cast<std::uint32_t>(terms_.size())};
    for (const auto& [term, r] : hub_terms[h]) {
      terms_.push_back(term);
      term_rivalry_.push_back(r);
    }
    hub.end = static_cast<std::uint32_t>(terms_.size());
    hubs_.push_back(hub);
  }
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
  for (std::size_t t = 0; t < terms_.size(); ++t)
    terms_[t].factor = weight_[term_rivalry_[t]] * multiplier[terms_[t].source];
  factors_stale_ = false;
}

// The scatter below is bound by loads: each term reads its two cartel indices, its factor, a
// member count and (after a cartel's first term) the sum so far. Reading both indices as one
// 8-byte word and splitting it with a shift saves a load per term: the core-only run
// 0.485 -> 0.462 ms side by side (medians of ten alternations of five repetitions).
inline std::pair<std::uint32_t, std::uint32_t> ConflictNetwork::ends_of(const Term& term) noexcept {
  static_assert(offsetof(Term, source) == offsetof(Term, into) + sizeof(std::uint32_t));
  std::uint64_t both = 0;
  std::memcpy(&both, reinterpret_cast<const std::byte*>(&term) + offsetof(Term, into), sizeof both);
  if constexpr (std::endian::native == std::endian::little) {
    return {static_cast<std::uint32_t>(both), static_cast<std::uint32_t>(both >> 32U)};
  } else {
    return {static_cast<std::uint32_t>(both >> 32U), static_cast<std::uint32_t>(both)};
  }
}

void ConflictNetwork::add_rivalry_sums(const double* __restrict members,
                                       double* __restrict rivals) const {
  const Term* term = terms_.data();
  // 0.0 + t, not t: the sum starts from +0.0, as a running sum does (0.0 + -0.0 is +0.0).
  for (std::size_t k = 0; k < stored_end_; ++k) {
    const auto [into, source] = ends_of(term[k]);
    rivals[into] = 0.0 + term[k].factor * members[source];
  }
  for (std::size_t k = stored_end_; k < added_end_; ++k) {
    const auto [into, source] = ends_of(term[k]);
    rivals[into] += term[k].factor * members[source];
  }
  for (const Hub& hub : hubs_) {
    double sum = 0.0;
    for (std::uint32_t k = hub.begin; k < hub.end; ++k)
      sum += term[k].factor * members[term[k].source];
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
