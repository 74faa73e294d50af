#pragma once
// The conflict term of the calibrated core, kept sparse:
//
//   sum_j C_ij m_ij y_j,  C_ij m_ij = (w_ij m_i m_j + 1) / (allies_i + 1),  j != i
//
// The "+1" makes C dense, but that part is one total: (Y - y_i) / (allies_i + 1) with
// Y = sum_j y_j, so an evaluation costs O(cartels + rivalries). A succession-contest multiplier
// m scales a cartel's rivalries only, not the diffuse conflict every pair has (docs/MODEL.md).
// Rivalry weights are passed at evaluation time (they escalate after splits); the topology is
// fixed until the network is rebuilt.
//
// The rivalry part is a scatter over rivalries in index order, so each cartel adds its rivals'
// terms in a fixed order (the order of a row-by-row sum over rivalries sorted by index). The
// first term into each cartel's sum is stored, not added to a zero the caller left there: a
// load of a sum the caller has just cleared with wide stores waits for those stores to retire
// (the processor cannot forward them to a scalar load). A cartel with many rivals (a hub: CJNG
// has 22 in the published network) would make the scatter one long chain of additions through
// memory, each waiting for the store before it: its terms are summed in a register instead, in
// the same order, and stored once.
#include <cstdint>
#include <span>
#include <utility>
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
  /// 1 / (allies_i + 1) for every cartel i.
  [[nodiscard]] const std::vector<double>& inverse_allies_plus_one() const noexcept {
    return inverse_allies_plus_one_;
  }

  /// Sets the current rivalry weights, by rivalry index (they escalate after splits).
  void set_rivalry_weights(std::span<const double> rivalry_weight);

  /// Fixes the contest multipliers for the evaluations that follow: each rivalry's weight
  /// times the multiplier of each side, computed again only when weights or multipliers change
  /// (four RK4 stages a week, and the published core's multipliers never change).
  void set_multipliers(std::span<const double> multiplier);

  /// Writes rivals_i = sum_{j rival of i} w_ij m_j y_j, with the weights and multipliers last
  /// set. `rivals` has size() entries; a cartel without rivals is not written, so the caller
  /// zeroes the array once for as long as the network stays the same.
  void add_rivalry_sums(const double* members, double* rivals) const;

  /// exposure_i = sum_{j != i} C_ij m_ij y_j for every cartel i, with the weights last set.
  void conflict_exposure(std::span<const double> members, std::span<const double> multiplier,
                         std::span<double> exposure) const;

 private:
  struct Rivalry {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
  };
  /// factor x y_source goes into cartel `into`'s sum; factor is w m_source.
  struct Term {
    std::uint32_t into = 0;
    std::uint32_t source = 0;
    double factor = 0.0;
  };
  /// A hub's terms: terms_[begin, end), in rivalry index order.
  struct Hub {
    std::uint32_t cartel = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };

  void order_terms(std::size_t cartel_count);
  /// into and source of `term`, read as one 8-byte word (conflict_network.cpp says why).
  static std::pair<std::uint32_t, std::uint32_t> ends_of(const Term& term) noexcept;

  std::vector<Rivalry> rivalry_;
  // Each rivalry's two terms (into first, then into second), in rivalry index order per sum:
  // [0, stored_end_) the first term into each sum of a cartel that is not a hub (stored),
  // [stored_end_, added_end_) the rest of those (added, in that order), then the hubs' terms.
  // term_rivalry_ has the rivalry index of each term, for the factors.
  std::vector<Term> terms_;
  std::size_t stored_end_ = 0;
  std::size_t added_end_ = 0;
  std::vector<Hub> hubs_;
  std::vector<std::uint32_t> term_rivalry_;
  std::vector<double> weight_;          // current weight, by rivalry index
  std::vector<double> multiplier_;      // multipliers the factors were computed with
  bool factors_stale_ = true;           // weights changed since the factors were computed
  std::vector<double> initial_weight_;  // by rivalry index
  std::vector<double> inverse_allies_plus_one_;
};

}  // namespace seccoop::agents
