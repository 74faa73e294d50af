#include "agents/model/model_parameters.hpp"

namespace seccoop::agents {

namespace {

constexpr const char* kAssumption = "assumption";
constexpr const char* kCalibrated = "calibrated (docs/calibration.md)";

struct Declarer {
  sim::ParameterTable& table;
  void operator()(const char* path, double value, double min, double max, const char* unit,
                  const char* meaning, const char* source, bool integer = false) const {
    table.add({.path = path,
               .default_value = value,
               .range = {min, max},
               .unit = unit,
               .meaning = meaning,
               .source = source,
               .integer = integer});
  }
};

void declare_policy(const Declarer& add) {
  add("policy.pressure_flow_gain", 0.02, 0, 1, "1/week",
      "US pressure rise per week at twice the reference flow", kAssumption);
  add("policy.pressure_results_gain", 0.01, 0, 1, "1/week",
      "US pressure fall per result unit per week", kAssumption);
  add("policy.flow_reference_kg", 870, 1, 1e7, "kg/week",
      "fentanyl reaching the US at which pressure neither rises nor falls from flow", kCalibrated);
  add("policy.seizure_reference_kg", 250, 1, 1e7, "kg/week", "seizures worth one result unit",
      kAssumption);
  add("policy.transfer_reference", 10, 1, 1e6, "prisoners",
      "prisoner transfers worth one result unit", kAssumption);
  add("policy.tariff_pressure_on", 0.7, 0, 1, "1",
      "US pressure above which a conditional tariff is imposed", kAssumption);
  add("policy.tariff_pressure_off", 0.5, 0, 1, "1",
      "US pressure below which a conditional tariff is lifted", kAssumption);
  add("policy.tariff_capacity_elasticity", 0.4, 0, 4, "1",
      "loss of Mexican capability per unit tariff rate", kAssumption);
  add("policy.exports_to_us_usd_per_year", 475e9, 0, 1e13, "USD/year",
      "Mexican exports to the US exposed to a tariff",
      "US Census Bureau 2023 trade data: $475 billion");
  add("policy.unilateral_allowed", 0, 0, 1, "1", "1 when the scenario lets US agencies act alone",
      kAssumption, true);
  add("policy.unilateral_intercept", -3.0, -20, 20, "1", "b0 of the weekly authorisation logit",
      kAssumption);
  add("policy.unilateral_pressure_slope", 4.0, 0, 50, "1",
      "b_P: authorisation logit per unit US pressure", kAssumption);
  add("policy.unilateral_trust_slope", 4.0, 0, 50, "1",
      "b_tau: authorisation logit per unit US trust in Mexico", kAssumption);
  add("policy.stance_trust_rate", 0.05, 0, 1, "1/week",
      "rate at which Mexico's stance follows its trust in the US", kAssumption);
  add("policy.stance_tariff_avoidance", 0.01, 0, 1, "1/week",
      "stance rise per week while a tariff applies or is threatened", kAssumption);
  add("policy.stance_shock_drop", 0.05, 0, 1, "1", "stance fall per unit sovereignty shock",
      kAssumption);
  add("policy.transfer_rate_under_tariff", 0.5, 0, 1000, "prisoners/week",
      "prisoners Mexico hands over per week while a tariff applies",
      "assumption (29 transferred Feb 2025, 26 Aug 2025)");
}

void declare_intel(const Declarer& add) {
  add("intel.decay_per_week", 0.02, 0, 1, "1/week",
      "share of intelligence that goes stale each week", kAssumption);
  add("intel.targets_per_actor", 10, 1, 1e6, "cartels", "priority targets per state actor",
      kAssumption, true);
  add("intel.leak_volume_scale", 0.02, 1e-9, 1, "1",
      "shared intelligence at which a leak is 63% as likely as infiltration allows", kAssumption);
  add("intel.leak_alertness_gain", 0.3, 0, 1, "1",
      "share of the gap to full alertness a leak closes", kAssumption);
  add("intel.leak_detection_probability", 0.3, 0, 1, "1", "chance a leak is detected", kAssumption);
  add("intel.alertness_decay_per_week", 0.1, 0, 1, "1/week", "alertness lost per week",
      kAssumption);
}

void declare_operations(const Declarer& add) {
  add("operations.general_policing_share", 0.8, 0, 1, "1",
      "share of the published incapacitation (core.incapacitation_per_week) done by untargeted "
      "policing",
      kCalibrated);
  add("operations.arrests_per_effort", 1.2, 0, 1e6, "members/effort",
      "arrests per effort unit at full success", kCalibrated);
  add("operations.seizure_rate_per_effort", 0.004, 0, 10, "1/effort",
      "hazard on a target's production per effort unit at full success", kCalibrated);
  add("operations.hvt_attempts_per_effort", 0.016, 0, 10, "1/effort",
      "high-value-target attempts per effort unit", kCalibrated);
  add("operations.hvt_success_probability", 0.5, 0, 1, "1",
      "chance an attempt at full success captures its target", kAssumption);
  add("operations.joint_coordination_min", 0.2, 0, 1, "1",
      "kappa_min: coordination needed for a joint operation", kAssumption);
  add("operations.joint_stance_min", 0.3, 0, 1, "1",
      "S_min: Mexican stance needed for a joint operation", kAssumption);
  add("operations.containment", 0.6, 0, 1, "1",
      "share of a succession contest that Mexican forces deployed in joint operations contain",
      kAssumption);
  add("operations.border_seizure_rate", 0.0095, 0, 10, "1/effort",
      "hazard on the northbound flow per border effort unit", kCalibrated);
  add("operations.strike_members_killed", 8, 0, 1e4, "members/strike",
      "cartel members killed by one strike", kAssumption);
  add("operations.strike_collateral_deaths", 3, 0, 1e4, "deaths/strike",
      "bystanders killed by one strike", kAssumption);
  add("operations.strike_hvt_probability", 0.2, 0, 1, "1",
      "chance a strike kills or captures a leader", kAssumption);
  add("operations.capture_shock", 1, 0, 100, "shock",
      "sovereignty shock of a unilateral capture on US soil", kAssumption);
  add("operations.strike_shock", 5, 0, 100, "shock",
      "sovereignty shock of one strike on Mexican soil", kAssumption);
  add("operations.unilateral_operation_shock", 0.5, 0, 100, "shock",
      "sovereignty shock of an unannounced US operation in Mexico", kAssumption);
}

void declare_cartel(const Declarer& add) {
  add("cartel.hvt_cohesion_loss", 0.15, 0, 1, "1",
      "delta_hvt: cohesion lost per leader captured or killed", kAssumption);
  add("cartel.split_threshold", 0.35, 0, 1, "1", "h_split: cohesion below which a cartel splits",
      kAssumption);
  add("cartel.cohesion_after_split", 0.7, 0, 1, "1", "cohesion of both factions after a split",
      kAssumption);
  add("cartel.cohesion_recovery_half_life", 26, 0.1, 1e4, "weeks",
      "half-life of the gap between cohesion and 1", kAssumption);
  add("cartel.contest_peak_multiplier", 3.0, 1, 100, "1",
      "succession-contest multiplier of a cartel's rivalries right after a capture", kCalibrated);
  add("cartel.contest_half_life", 26, 0.1, 1e4, "weeks", "half-life of a succession contest",
      kAssumption);
  add("cartel.split_rivalry_weight", 9, 0, 100, "1",
      "rivalry weight the two factions of a split escalate to", kCalibrated);
  add("cartel.split_escalation_half_life", 4, 0.1, 1e4, "weeks",
      "half-life of the gap to the factions' full rivalry", kCalibrated);
  add("cartel.split_member_share", 0.5, 0.01, 0.99, "1",
      "share of members that leave with the new faction", kAssumption);
  add("cartel.split_min_members", 200, 0, 1e9, "members", "smallest cartel that splits",
      kAssumption);
  add("cartel.max_factions", 16, 0, 10000, "cartels",
      "cartel slots reserved for factions created by splits", kAssumption, true);
  add("cartel.revenue_recruitment_elasticity", 0.3, 0, 5, "1",
      "elasticity of recruitment to fentanyl revenue", kAssumption);
  add("cartel.revenue_smoothing_half_life", 8, 0.1, 1e4, "weeks",
      "half-life of the revenue average recruitment responds to", kAssumption);
}

void declare_flows(const Declarer& add) {
  add("flows.production_kg_per_week", 1530, 0, 1e9, "kg/week",
      "fentanyl production capacity of all cartels at the start", kCalibrated);
  add("flows.price_usd_per_kg", 20000, 0, 1e9, "USD/kg",
      "wholesale value of fentanyl reaching the US", kAssumption);
}

void declare_trust(const Declarer& add) {
  add("trust.forgetting", 0.98, 0, 1, "1/week", "lambda: share of trust evidence kept each week",
      kAssumption);
  add("trust.joint_success_weight", 1.0, 0, 100, "1",
      "evidence of reciprocity per successful joint operation", kAssumption);
  add("trust.sharing_weight", 2.0, 0, 100, "1",
      "evidence of reciprocity per unit of intelligence received", kAssumption);
  add("trust.leak_weight", 2.0, 0, 100, "1", "evidence of betrayal per detected leak", kAssumption);
  add("trust.shock_weight", 1.0, 0, 100, "1", "evidence of betrayal per unit sovereignty shock",
      kAssumption);
  add("trust.tariff_weight", 0.5, 0, 100, "1/week",
      "evidence of betrayal per week per unit tariff rate", kAssumption);
  add("trust.coordination_build_rate", 0.05, 0, 1, "1/week",
      "rate at which a framework builds coordination to its level", kAssumption);
  add("trust.coordination_decay_rate", 0.01, 0, 1, "1/week",
      "rate at which coordination returns to its baseline", kAssumption);
  add("trust.coordination_baseline", 0.25, 0, 1, "1",
      "coordination without a framework, at status-quo aid", kAssumption);
  add("trust.coordination_shock_damage", 0.05, 0, 1, "1",
      "coordination lost per unit sovereignty shock", kAssumption);
}

void declare_aid(const Declarer& add) {
  add("aid.inl_level", 1.0, 0, 2, "1",
      "US State-INL support relative to 2025 (1 = status quo, 0 = none)", kAssumption);
  add("aid.capability_dependence", 0.15, 0, 1, "1",
      "share of Mexican capability that depends on INL support", kAssumption);
  add("aid.integrity_dependence", 0.15, 0, 1, "1",
      "share of Mexican integrity that depends on INL vetting and training", kAssumption);
  add("aid.adjustment_rate", 0.02, 0, 1, "1/week",
      "rate at which capability and integrity move to their aid-dependent levels", kAssumption);
  add("framework.vetting_integrity_gain", 0.15, 0, 1, "1",
      "integrity gained by members of a binational framework (vetted units)", kAssumption);
}

}  // namespace

void declare_model_parameters(sim::ParameterTable& table) {
  const Declarer add{table};
  declare_policy(add);
  declare_intel(add);
  declare_operations(add);
  declare_cartel(add);
  declare_flows(add);
  declare_trust(add);
  declare_aid(add);
}

ModelParameters read_model_parameters(const sim::ParameterValues& v) {
  ModelParameters p;
  auto& po = p.policy;
  po.pressure_flow_gain = v.get("policy.pressure_flow_gain");
  po.pressure_results_gain = v.get("policy.pressure_results_gain");
  po.flow_reference_kg = v.get("policy.flow_reference_kg");
  po.seizure_reference_kg = v.get("policy.seizure_reference_kg");
  po.transfer_reference = v.get("policy.transfer_reference");
  po.tariff_pressure_on = v.get("policy.tariff_pressure_on");
  po.tariff_pressure_off = v.get("policy.tariff_pressure_off");
  po.tariff_capacity_elasticity = v.get("policy.tariff_capacity_elasticity");
  po.exports_to_us_usd_per_year = v.get("policy.exports_to_us_usd_per_year");
  po.unilateral_allowed = v.get("policy.unilateral_allowed") > 0.5;
  po.unilateral_intercept = v.get("policy.unilateral_intercept");
  po.unilateral_pressure_slope = v.get("policy.unilateral_pressure_slope");
  po.unilateral_trust_slope = v.get("policy.unilateral_trust_slope");
  po.stance_trust_rate = v.get("policy.stance_trust_rate");
  po.stance_tariff_avoidance = v.get("policy.stance_tariff_avoidance");
  po.stance_shock_drop = v.get("policy.stance_shock_drop");
  po.transfer_rate_under_tariff = v.get("policy.transfer_rate_under_tariff");

  auto& in = p.intel;
  in.decay_per_week = v.get("intel.decay_per_week");
  in.targets_per_actor = v.get("intel.targets_per_actor");
  in.leak_volume_scale = v.get("intel.leak_volume_scale");
  in.leak_alertness_gain = v.get("intel.leak_alertness_gain");
  in.leak_detection_probability = v.get("intel.leak_detection_probability");
  in.alertness_decay_per_week = v.get("intel.alertness_decay_per_week");

  auto& op = p.operations;
  op.general_policing_share = v.get("operations.general_policing_share");
  op.arrests_per_effort = v.get("operations.arrests_per_effort");
  op.seizure_rate_per_effort = v.get("operations.seizure_rate_per_effort");
  op.hvt_attempts_per_effort = v.get("operations.hvt_attempts_per_effort");
  op.hvt_success_probability = v.get("operations.hvt_success_probability");
  op.joint_coordination_min = v.get("operations.joint_coordination_min");
  op.joint_stance_min = v.get("operations.joint_stance_min");
  op.containment = v.get("operations.containment");
  op.border_seizure_rate = v.get("operations.border_seizure_rate");
  op.strike_members_killed = v.get("operations.strike_members_killed");
  op.strike_collateral_deaths = v.get("operations.strike_collateral_deaths");
  op.strike_hvt_probability = v.get("operations.strike_hvt_probability");
  op.capture_shock = v.get("operations.capture_shock");
  op.strike_shock = v.get("operations.strike_shock");
  op.unilateral_operation_shock = v.get("operations.unilateral_operation_shock");

  auto& ca = p.cartel;
  ca.hvt_cohesion_loss = v.get("cartel.hvt_cohesion_loss");
  ca.split_threshold = v.get("cartel.split_threshold");
  ca.cohesion_after_split = v.get("cartel.cohesion_after_split");
  ca.cohesion_recovery_half_life = v.get("cartel.cohesion_recovery_half_life");
  ca.contest_peak_multiplier = v.get("cartel.contest_peak_multiplier");
  ca.contest_half_life = v.get("cartel.contest_half_life");
  ca.split_rivalry_weight = v.get("cartel.split_rivalry_weight");
  ca.split_escalation_half_life = v.get("cartel.split_escalation_half_life");
  ca.split_member_share = v.get("cartel.split_member_share");
  ca.split_min_members = v.get("cartel.split_min_members");
  ca.max_factions = v.get("cartel.max_factions");
  ca.revenue_recruitment_elasticity = v.get("cartel.revenue_recruitment_elasticity");
  ca.revenue_smoothing_half_life = v.get("cartel.revenue_smoothing_half_life");

  p.flows.production_kg_per_week = v.get("flows.production_kg_per_week");
  p.flows.price_usd_per_kg = v.get("flows.price_usd_per_kg");

  auto& tr = p.trust;
  tr.forgetting = v.get("trust.forgetting");
  tr.joint_success_weight = v.get("trust.joint_success_weight");
  tr.sharing_weight = v.get("trust.sharing_weight");
  tr.leak_weight = v.get("trust.leak_weight");
  tr.shock_weight = v.get("trust.shock_weight");
  tr.tariff_weight = v.get("trust.tariff_weight");
  tr.coordination_build_rate = v.get("trust.coordination_build_rate");
  tr.coordination_decay_rate = v.get("trust.coordination_decay_rate");
  tr.coordination_baseline = v.get("trust.coordination_baseline");
  tr.coordination_shock_damage = v.get("trust.coordination_shock_damage");

  auto& ai = p.aid;
  ai.inl_level = v.get("aid.inl_level");
  ai.capability_dependence = v.get("aid.capability_dependence");
  ai.integrity_dependence = v.get("aid.integrity_dependence");
  ai.adjustment_rate = v.get("aid.adjustment_rate");
  ai.vetting_integrity_gain = v.get("framework.vetting_integrity_gain");
  return p;
}

}  // namespace seccoop::agents
