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
// terms in a fixed order (the order of a row-by-row sum over rivalries sorted by index). A
// cartel with many rivals (a hub: CJNG has 22 in the published network) would make that
// scatter one long chain of additions through memory, each waiting for the store before it;
// its terms go to slots of their own instead, one per rivalry, and are added up afterwards in
// the same order, in a register. The first term into each slot is stored, not added to a zero
// the caller left there: a load of a slot that the caller has just cleared with wide stores
// waits for those stores to retire (the processor cannot forward them to the scalar load).
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

  /// Length of the `rivals` array of add_rivalry_sums: a slot per cartel, then one per rivalry
  /// of a hub.
  [[nodiscard]] std::size_t sum_slots() const noexcept { return size() + hub_terms_; }

  /// Writes rivals_i = sum_{j rival of i} w_ij m_j y_j, with the weights and multipliers last
  /// set. `rivals` has sum_slots() entries; a cartel without rivals is not written, so the
  /// caller zeroes the array once for as long as the network stays the same; the slots past
  /// size() are scratch.
  void add_rivalry_sums(const double* members, double* rivals) const;

  /// exposure_i = sum_{j != i} C_ij m_ij y_j for every cartel i, with the weights last set.
  void conflict_exposure(std::span<const double> members, std::span<const double> multiplier,
                         std::span<double> exposure) const;

 private:
  /// A rivalry, with the slot each side's term is added to (its own, or one of a hub's).
  struct Rivalry {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
    std::uint32_t first_slot = 0;
    std::uint32_t second_slot = 0;
  };
  /// factor x y_source goes into `slot`; factor is w m_source (the side whose members count).
  struct Term {
    std::uint32_t slot = 0;
    std::uint32_t source = 0;
    double factor = 0.0;
  };
  /// A hub's terms: slots [begin, end) past size(), in rivalry index order.
  struct Hub {
    std::uint32_t cartel = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };

  void place_hub_terms(std::size_t cartel_count);
  void order_terms();

  std::vector<Rivalry> rivalry_;
  std::vector<Hub> hubs_;
  std::size_t hub_terms_ = 0;
  // Each rivalry's two terms (into first, then into second) in rivalry index order, split into
  // the first term into each slot (stored) and the rest (added, in that order); term_rivalry_
  // has the rivalry index of each, first_terms_ then later_terms_, for the factors.
  std::vector<Term> first_terms_;
  std::vector<Term> later_terms_;
  std::vector<std::uint32_t> term_rivalry_;
  std::vector<double> weight_;          // current weight, by rivalry index
  std::vector<double> multiplier_;      // multipliers the factors were computed with
  bool factors_stale_ = true;           // weights changed since the factors were computed
  std::vector<double> initial_weight_;  // by rivalry index
  std::vector<double> inverse_allies_plus_one_;
};

}  // namespace seccoop::agents
