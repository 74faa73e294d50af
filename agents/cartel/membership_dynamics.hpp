#pragma once
// The calibrated core (Prieto-Curiel, Campedelli & Hope 2023, MODEL.md section 6):
//
//   dy_i/dt = rho_i y_i - eta_i y_i / TC - theta y_i sum_j C_ij m_ij y_j - omega y_i^2
//
// advanced one week at a time, either as expected values (classical RK4 with sub-steps) or as
// integer counts drawn from the same rates. m_ij scales rivalries only (see
// conflict_network.hpp).
#include <cstdint>
#include <span>
#include <vector>

#include "agents/cartel/conflict_network.hpp"
#include "agents/cartel/core_parameters.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::agents {

/// What the rest of the model feeds the core each week, per cartel.
struct MembershipDrivers {
  std::vector<double> recruitment_rate;         // rho_i, 1/week
  std::vector<double> incapacitation_pressure;  // eta_i, members/week if the cartel were everyone
  std::vector<double> contest_multiplier;       // m_i >= 1

  /// Drivers of the published model: rho, eta and m = 1 for every cartel.
  static MembershipDrivers uniform(std::size_t cartels, const CoreParameters& parameters);
};

/// Members entering and leaving each cartel during one week.
struct MembershipFlows {
  std::vector<double> recruits;
  std::vector<double> incapacitated;
  std::vector<double> deaths;
  std::vector<double> exits;

  void assign_zero(std::size_t cartels);
};

/// The week's flows of the core, summed over cartel slots.
struct FlowTotals {
  double recruits = 0.0;
  double incapacitated = 0.0;
  double deaths = 0.0;
  double exits = 0.0;
};

class MembershipDynamics {
 public:
  MembershipDynamics(ConflictNetwork network, CoreParameters parameters);

  /// Expected values: `substeps` RK4 steps of 1/substeps week. Flows are the RK4-weighted
  /// integrals of each rate, so members(after) = members(before) + recruits - the rest.
  /// Returns each flow's eight-lane sum over every slot (rk4::lane_total's order), which the
  /// last stage adds from registers.
  FlowTotals step_expected(std::span<double> members, const MembershipDrivers& drivers,
                           int substeps, MembershipFlows& flows);

  /// Integer counts: recruits ~ Poisson(rho y dt); each member leaves with probability
  /// 1 - exp(-hazard), and those who leave are split among arrest, death and exit binomially.
  void step_stochastic(std::span<double> members, const MembershipDrivers& drivers,
                       sim::StreamKey key, std::uint64_t week, MembershipFlows& flows);

  [[nodiscard]] const CoreParameters& parameters() const noexcept { return parameters_; }
  [[nodiscard]] const ConflictNetwork& network() const noexcept { return network_; }
  /// Rivalry weights by rivalry index (after splits they escalate week by week).
  void set_rivalry_weights(std::span<const double> weights) {
    network_.set_rivalry_weights(weights);
  }

 private:
  /// Instantaneous per-cartel rates at `members`, written into `rates`.
  void evaluate(std::span<const double> members, const MembershipDrivers& drivers,
                MembershipFlows& rates);

  ConflictNetwork network_;
  CoreParameters parameters_;
  std::vector<double> exposure_;     // scratch: conflict exposure (expected mode: rivalry sums)
  std::vector<double> probe_;        // scratch: RK4 stage state
  std::vector<double> probe_other_;  // scratch: the stage state stages alternate with
  std::vector<double> net_;          // scratch: net flow of the current RK4 step
};

}  // namespace seccoop::agents
