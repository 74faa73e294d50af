#pragma once
// Parameters of the calibrated cartel-membership core (MODEL.md section 6).
#include <cstddef>

#include "sim/config/parameters.hpp"

namespace seccoop::agents {

struct CoreParameters {
  double recruitment_rate_per_week = 0.0;       // rho
  double incapacitation_per_week = 0.0;         // eta: members removed by arrests, all cartels
  double conflict_lethality = 0.0;              // theta
  double saturation_per_member_week = 0.0;      // omega
  double initial_members = 0.0;                 // total at the start
  double cartel_share_of_violent_losses = 0.0;  // deaths / (homicides + missing persons)
  double homicide_share_of_violent_losses = 0.0;

  /// Homicides implied by `deaths` cartel members killed (the published calibration: deaths are
  /// a fixed share of homicides plus missing persons; homicides a fixed share of those).
  [[nodiscard]] double homicides_from_deaths(double deaths) const {
    return deaths / cartel_share_of_violent_losses * homicide_share_of_violent_losses;
  }
};

/// Declares the core's parameters in `table` (defaults: Prieto-Curiel et al. 2023).
void declare_core_parameters(sim::ParameterTable& table);

CoreParameters read_core_parameters(const sim::ParameterValues& values);

}  // namespace seccoop::agents
