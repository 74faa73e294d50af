#include "agents/model/model_parameters.hpp"

namespace seccoop::agents {

namespace {

constexpr const char* kAssumption = "assumption";
constexpr const char* kCalibrated = "calibrated (docs/calibration.md)";

// What the parameter table says of one parameter. Each parameter is listed once, beside the
// field it fills, and that one list both declares the table and reads the values: a parameter
// cannot be declared without being read, or read without being declared.
struct Spec {
  const char* path;
  double default_value;
  double min;
  double max;
  const char* unit;
  const char* meaning;
  const char* source;
  bool integer = false;
};

struct DeclareVisitor {
  sim::ParameterTable& table;
  void operator()(const auto& /*field*/, const Spec& s) const {
    table.add({.path = s.path,
               .default_value = s.default_value,
               .range = {s.min, s.max},
               .unit = s.unit,
               .meaning = s.meaning,
               .source = s.source,
               .integer = s.integer});
  }
};

struct ReadVisitor {
  const sim::ParameterValues& values;
  void operator()(double& field, const Spec& s) const { field = values.get(s.path); }
  // Flags are declared as integers in [0, 1].
  void operator()(bool& field, const Spec& s) const { field = values.get(s.path) > 0.5; }
};

template <class Visit>
void visit_policy(PolicyParameters& p, const Visit& visit) {
  visit(p.pressure_flow_gain,
        {"policy.pressure_flow_gain", 0.02, 0, 1, "1/week",
         "US pressure rise per week at twice the reference flow", kAssumption});
  visit(p.pressure_results_gain, {"policy.pressure_results_gain", 0.01, 0, 1, "1/week",
                                  "US pressure fall per result unit per week", kAssumption});
  visit(p.flow_reference_kg,
        {"policy.flow_reference_kg", 870, 1, 1e7, "kg/week",
         "fentanyl reaching the US at which pressure neither rises nor falls from flow",
         kCalibrated});
  visit(p.seizure_reference_kg, {"policy.seizure_reference_kg", 250, 1, 1e7, "kg/week",
                                 "seizures worth one result unit", kAssumption});
  visit(p.transfer_reference, {"policy.transfer_reference", 10, 1, 1e6, "prisoners",
                               "prisoner transfers worth one result unit", kAssumption});
  visit(p.tariff_pressure_on,
        {"policy.tariff_pressure_on", 0.7, 0, 1, "1",
         "US pressure above which a conditional tariff is imposed", kAssumption});
  visit(p.tariff_pressure_off,
        {"policy.tariff_pressure_off", 0.5, 0, 1, "1",
         "US pressure below which a conditional tariff is lifted", kAssumption});
  visit(p.tariff_capacity_elasticity,
        {"policy.tariff_capacity_elasticity", 0.4, 0, 4, "1",
         "loss of Mexican capability per unit tariff rate", kAssumption});
  visit(p.exports_to_us_usd_per_year, {"policy.exports_to_us_usd_per_year", 475e9, 0, 1e13,
                                       "USD/year", "Mexican exports to the US exposed to a tariff",
                                       "US Census Bureau 2023 trade data: $475 billion"});
  visit(p.unilateral_allowed,
        {"policy.unilateral_allowed", 0, 0, 1, "1",
         "1 when the scenario lets US agencies act alone", kAssumption, true});
  visit(p.unilateral_intercept, {"policy.unilateral_intercept", -3.0, -20, 20, "1",
                                 "b0 of the weekly authorisation logit", kAssumption});
  visit(p.unilateral_pressure_slope,
        {"policy.unilateral_pressure_slope", 4.0, 0, 50, "1",
         "b_P: authorisation logit per unit US pressure", kAssumption});
  visit(p.unilateral_trust_slope,
        {"policy.unilateral_trust_slope", 4.0, 0, 50, "1",
         "b_tau: authorisation logit per unit US trust in Mexico", kAssumption});
  visit(p.stance_trust_rate,
        {"policy.stance_trust_rate", 0.05, 0, 1, "1/week",
         "rate at which Mexico's stance follows its trust in the US", kAssumption});
  visit(p.stance_tariff_avoidance,
        {"policy.stance_tariff_avoidance", 0.01, 0, 1, "1/week",
         "stance rise per week while a tariff applies or is threatened", kAssumption});
  visit(p.stance_shock_drop, {"policy.stance_shock_drop", 0.05, 0, 1, "1",
                              "stance fall per unit sovereignty shock", kAssumption});
  visit(p.transfer_rate_under_tariff,
        {"policy.transfer_rate_under_tariff", 0.5, 0, 1000, "prisoners/week",
         "prisoners Mexico hands over per week while a tariff applies",
         "assumption (29 transferred Feb 2025, 26 Aug 2025)"});
}

template <class Visit>
void visit_intel(IntelParameters& p, const Visit& visit) {
  visit(p.decay_per_week, {"intel.decay_per_week", 0.02, 0, 1, "1/week",
                           "share of intelligence that goes stale each week", kAssumption});
  visit(p.targets_per_actor, {"intel.targets_per_actor", 10, 1, 1e6, "cartels",
                              "priority targets per state actor", kAssumption, true});
  visit(
      p.leak_volume_scale,
      {"intel.leak_volume_scale", 0.02, 1e-9, 1, "1",
       "shared intelligence at which a leak is 63% as likely as infiltration allows", kAssumption});
  visit(p.leak_alertness_gain, {"intel.leak_alertness_gain", 0.3, 0, 1, "1",
                                "share of the gap to full alertness a leak closes", kAssumption});
  visit(p.leak_detection_probability, {"intel.leak_detection_probability", 0.3, 0, 1, "1",
                                       "chance a leak is detected", kAssumption});
  visit(p.alertness_decay_per_week, {"intel.alertness_decay_per_week", 0.1, 0, 1, "1/week",
                                     "alertness lost per week", kAssumption});
}

template <class Visit>
void visit_operations(OperationsParameters& p, const Visit& visit) {
  visit(p.general_policing_share,
        {"operations.general_policing_share", 0.8, 0, 1, "1",
         "share of the published incapacitation (core.incapacitation_per_week) done by untargeted "
         "policing",
         kCalibrated});
  visit(p.arrests_per_effort, {"operations.arrests_per_effort", 1.2, 0, 1e6, "members/effort",
                               "arrests per effort unit at full success", kCalibrated});
  visit(p.seizure_rate_per_effort,
        {"operations.seizure_rate_per_effort", 0.004, 0, 10, "1/effort",
         "hazard on a target's production per effort unit at full success", kCalibrated});
  visit(p.hvt_attempts_per_effort, {"operations.hvt_attempts_per_effort", 0.016, 0, 10, "1/effort",
                                    "high-value-target attempts per effort unit", kCalibrated});
  visit(p.hvt_success_probability,
        {"operations.hvt_success_probability", 0.5, 0, 1, "1",
         "chance an attempt at full success captures its target", kAssumption});
  visit(p.joint_coordination_min,
        {"operations.joint_coordination_min", 0.2, 0, 1, "1",
         "kappa_min: coordination needed for a joint operation", kAssumption});
  visit(p.joint_stance_min, {"operations.joint_stance_min", 0.3, 0, 1, "1",
                             "S_min: Mexican stance needed for a joint operation", kAssumption});
  visit(p.containment,
        {"operations.containment", 0.6, 0, 1, "1",
         "share of a succession contest that Mexican forces deployed in joint operations contain",
         kAssumption});
  visit(p.border_seizure_rate,
        {"operations.border_seizure_rate", 0.0095, 0, 10, "1/effort",
         "hazard on the northbound flow per border effort unit", kCalibrated});
  visit(p.strike_members_killed, {"operations.strike_members_killed", 8, 0, 1e4, "members/strike",
                                  "cartel members killed by one strike", kAssumption});
  visit(p.strike_collateral_deaths,
        {"operations.strike_collateral_deaths", 3, 0, 1e4, "deaths/strike",
         "bystanders killed by one strike", kAssumption});
  visit(p.strike_hvt_probability, {"operations.strike_hvt_probability", 0.2, 0, 1, "1",
                                   "chance a strike kills or captures a leader", kAssumption});
  visit(p.capture_shock, {"operations.capture_shock", 1, 0, 100, "shock",
                          "sovereignty shock of a unilateral capture on US soil", kAssumption});
  visit(p.strike_shock, {"operations.strike_shock", 5, 0, 100, "shock",
                         "sovereignty shock of one strike on Mexican soil", kAssumption});
  visit(p.unilateral_operation_shock,
        {"operations.unilateral_operation_shock", 0.5, 0, 100, "shock",
         "sovereignty shock of an unannounced US operation in Mexico", kAssumption});
}

template <class Visit>
void visit_cartel(CartelParameters& p, const Visit& visit) {
  visit(p.hvt_cohesion_loss,
        {"cartel.hvt_cohesion_loss", 0.15, 0, 1, "1",
         "delta_hvt: cohesion lost per leader captured or killed", kAssumption});
  visit(p.split_threshold, {"cartel.split_threshold", 0.35, 0, 1, "1",
                            "h_split: cohesion below which a cartel splits", kAssumption});
  visit(p.cohesion_after_split, {"cartel.cohesion_after_split", 0.7, 0, 1, "1",
                                 "cohesion of both factions after a split", kAssumption});
  visit(p.cohesion_recovery_half_life,
        {"cartel.cohesion_recovery_half_life", 26, 0.1, 1e4, "weeks",
         "half-life of the gap between cohesion and 1", kAssumption});
  visit(
      p.contest_peak_multiplier,
      {"cartel.contest_peak_multiplier", 3.0, 1, 100, "1",
       "succession-contest multiplier of a cartel's rivalries right after a capture", kCalibrated});
  visit(p.contest_half_life, {"cartel.contest_half_life", 26, 0.1, 1e4, "weeks",
                              "half-life of a succession contest", kAssumption});
  visit(p.split_rivalry_weight,
        {"cartel.split_rivalry_weight", 9, 0, 100, "1",
         "rivalry weight the two factions of a split escalate to", kCalibrated});
  visit(p.split_escalation_half_life,
        {"cartel.split_escalation_half_life", 4, 0.1, 1e4, "weeks",
         "half-life of the gap to the factions' full rivalry", kCalibrated});
  visit(p.split_member_share, {"cartel.split_member_share", 0.5, 0.01, 0.99, "1",
                               "share of members that leave with the new faction", kAssumption});
  visit(p.split_min_members, {"cartel.split_min_members", 200, 0, 1e9, "members",
                              "smallest cartel that splits", kAssumption});
  visit(p.max_factions,
        {"cartel.max_factions", 16, 0, 10000, "cartels",
         "cartel slots reserved for factions created by splits", kAssumption, true});
  visit(p.revenue_recruitment_elasticity,
        {"cartel.revenue_recruitment_elasticity", 0.3, 0, 5, "1",
         "elasticity of recruitment to fentanyl revenue", kAssumption});
  visit(p.revenue_smoothing_half_life,
        {"cartel.revenue_smoothing_half_life", 8, 0.1, 1e4, "weeks",
         "half-life of the revenue average recruitment responds to", kAssumption});
}

template <class Visit>
void visit_flows(FlowParameters& p, const Visit& visit) {
  visit(p.production_kg_per_week,
        {"flows.production_kg_per_week", 1530, 0, 1e9, "kg/week",
         "fentanyl production capacity of all cartels at the start", kCalibrated});
  visit(p.price_usd_per_kg, {"flows.price_usd_per_kg", 20000, 0, 1e9, "USD/kg",
                             "wholesale value of fentanyl reaching the US", kAssumption});
}

template <class Visit>
void visit_trust(TrustParameters& p, const Visit& visit) {
  visit(p.forgetting, {"trust.forgetting", 0.98, 0, 1, "1/week",
                       "lambda: share of trust evidence kept each week", kAssumption});
  visit(p.joint_success_weight,
        {"trust.joint_success_weight", 1.0, 0, 100, "1",
         "evidence of reciprocity per successful joint operation", kAssumption});
  visit(p.sharing_weight,
        {"trust.sharing_weight", 2.0, 0, 100, "1",
         "evidence of reciprocity per unit of intelligence received", kAssumption});
  visit(p.leak_weight, {"trust.leak_weight", 2.0, 0, 100, "1",
                        "evidence of betrayal per detected leak", kAssumption});
  visit(p.shock_weight, {"trust.shock_weight", 1.0, 0, 100, "1",
                         "evidence of betrayal per unit sovereignty shock", kAssumption});
  visit(p.tariff_weight, {"trust.tariff_weight", 0.5, 0, 100, "1/week",
                          "evidence of betrayal per week per unit tariff rate", kAssumption});
  visit(p.coordination_build_rate,
        {"trust.coordination_build_rate", 0.05, 0, 1, "1/week",
         "rate at which a framework builds coordination to its level", kAssumption});
  visit(p.coordination_decay_rate,
        {"trust.coordination_decay_rate", 0.01, 0, 1, "1/week",
         "rate at which coordination returns to its baseline", kAssumption});
  visit(p.coordination_baseline,
        {"trust.coordination_baseline", 0.25, 0, 1, "1",
         "coordination without a framework, at status-quo aid", kAssumption});
  visit(p.coordination_shock_damage, {"trust.coordination_shock_damage", 0.05, 0, 1, "1",
                                      "coordination lost per unit sovereignty shock", kAssumption});
}

template <class Visit>
void visit_aid(AidParameters& p, const Visit& visit) {
  visit(p.inl_level,
        {"aid.inl_level", 1.0, 0, 2, "1",
         "US State-INL support relative to 2025 (1 = status quo, 0 = none)", kAssumption});
  visit(p.capability_dependence,
        {"aid.capability_dependence", 0.15, 0, 1, "1",
         "share of Mexican capability that depends on INL support", kAssumption});
  visit(p.integrity_dependence,
        {"aid.integrity_dependence", 0.15, 0, 1, "1",
         "share of Mexican integrity that depends on INL vetting and training", kAssumption});
  visit(p.adjustment_rate,
        {"aid.adjustment_rate", 0.02, 0, 1, "1/week",
         "rate at which capability and integrity move to their aid-dependent levels", kAssumption});
  visit(p.vetting_integrity_gain,
        {"framework.vetting_integrity_gain", 0.15, 0, 1, "1",
         "integrity gained by members of a binational framework (vetted units)", kAssumption});
}

template <class Visit>
void visit_model_parameters(ModelParameters& p, const Visit& visit) {
  visit_policy(p.policy, visit);
  visit_intel(p.intel, visit);
  visit_operations(p.operations, visit);
  visit_cartel(p.cartel, visit);
  visit_flows(p.flows, visit);
  visit_trust(p.trust, visit);
  visit_aid(p.aid, visit);
}

}  // namespace

void declare_model_parameters(sim::ParameterTable& table) {
  ModelParameters unused;
  visit_model_parameters(unused, DeclareVisitor{table});
}

ModelParameters read_model_parameters(const sim::ParameterValues& values) {
  ModelParameters p;
  visit_model_parameters(p, ReadVisitor{values});
  return p;
}

}  // namespace seccoop::agents
