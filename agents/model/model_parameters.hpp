#pragma once
// Typed views of the security model's parameters (MODEL.md sections 3-5), read from the one
// parameter table. Every value's unit, meaning and source is in its declaration
// (model_parameters.cpp); `seccoop params` prints them.
#include "sim/config/parameters.hpp"

namespace seccoop::agents {

struct PolicyParameters {
  double pressure_flow_gain = 0;     // k_flow, 1/week
  double pressure_results_gain = 0;  // k_results, 1/week per result unit
  double flow_reference_kg = 0;      // kg/week reaching the US that keeps pressure flat
  double seizure_reference_kg = 0;   // kg/week of seizures worth one result unit
  double transfer_reference = 0;     // prisoners worth one result unit
  double tariff_pressure_on = 0;     // P above which a conditional tariff starts
  double tariff_pressure_off = 0;    // P below which it stops (hysteresis)
  double tariff_capacity_elasticity = 0;
  double exports_to_us_usd_per_year = 0;
  bool unilateral_allowed = false;
  double unilateral_intercept = 0;        // b0
  double unilateral_pressure_slope = 0;   // b_P
  double unilateral_trust_slope = 0;      // b_tau
  double stance_trust_rate = 0;           // 1/week
  double stance_tariff_avoidance = 0;     // per week while a tariff applies or is threatened
  double stance_shock_drop = 0;           // per unit sovereignty shock
  double transfer_rate_under_tariff = 0;  // prisoners/week offered while a tariff applies
};

struct IntelParameters {
  double decay_per_week = 0;
  double targets_per_actor = 0;    // cartels each actor collects on and operates against
  double leak_volume_scale = 0;    // shared intel at which a leak becomes likely
  double leak_alertness_gain = 0;  // share of the gap to full alertness a leak closes
  double leak_detection_probability = 0;
  double alertness_decay_per_week = 0;
};

struct OperationsParameters {
  double general_policing_share = 0;   // share of core incapacitation done without targeting
  double arrests_per_effort = 0;       // members per effort unit at full success
  double seizure_rate_per_effort = 0;  // hazard on a target's production per effort unit
  double hvt_attempts_per_effort = 0;
  double hvt_success_probability = 0;
  double joint_coordination_min = 0;    // kappa_min
  double joint_stance_min = 0;          // S_min
  double containment = 0;               // share of a succession contest joint forces contain
  double border_seizure_rate = 0;       // hazard on the northbound flow per border effort unit
  double strike_members_killed = 0;     // per strike
  double strike_collateral_deaths = 0;  // civilians per strike
  double strike_hvt_probability = 0;
  double capture_shock = 0;               // sovereignty shock of a unilateral capture on US soil
  double strike_shock = 0;                // ... of a strike on Mexican soil
  double unilateral_operation_shock = 0;  // ... of an unannounced operation in Mexico
};

struct CartelParameters {
  double hvt_cohesion_loss = 0;  // delta_hvt
  double split_threshold = 0;    // h_split
  double cohesion_after_split = 0;
  double cohesion_recovery_half_life = 0;  // weeks
  double contest_peak_multiplier = 0;
  double contest_half_life = 0;  // weeks
  double split_rivalry_weight = 0;
  double split_escalation_half_life = 0;  // weeks
  double split_member_share = 0;          // share of members leaving with the new faction
  double split_min_members = 0;
  double max_factions = 0;  // extra cartel slots for splits
  double revenue_recruitment_elasticity = 0;
  double revenue_smoothing_half_life = 0;  // weeks
};

struct FlowParameters {
  double production_kg_per_week = 0;
  double price_usd_per_kg = 0;
};

struct TrustParameters {
  double forgetting = 0;  // lambda
  double joint_success_weight = 0;
  double sharing_weight = 0;
  double leak_weight = 0;
  double shock_weight = 0;
  double tariff_weight = 0;
  double coordination_build_rate = 0;
  double coordination_decay_rate = 0;
  double coordination_baseline = 0;
  double coordination_shock_damage = 0;
};

struct AidParameters {
  double inl_level = 0;  // 1 = 2025 status quo, 0 = none
  double capability_dependence = 0;
  double integrity_dependence = 0;
  double adjustment_rate = 0;         // 1/week
  double vetting_integrity_gain = 0;  // integrity added to framework members
};

struct ModelParameters {
  PolicyParameters policy;
  IntelParameters intel;
  OperationsParameters operations;
  CartelParameters cartel;
  FlowParameters flows;
  TrustParameters trust;
  AidParameters aid;
};

void declare_model_parameters(sim::ParameterTable& table);
ModelParameters read_model_parameters(const sim::ParameterValues& values);

}  // namespace seccoop::agents
