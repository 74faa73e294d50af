// Phase 2, government policy (MODEL.md section 5.2): US pressure, conditional tariffs,
// unilateral authorisation, Mexico's cooperation stance, and the capability and integrity of
// Mexican bodies under tariffs and aid.
#include <algorithm>
#include <cmath>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

void update_pressure(RunState& s) {
  const PolicyParameters& p = s.parameters.policy;
  if (s.week == 1) return;  // no flow observed yet
  const double flow_term = p.pressure_flow_gain * (s.previous_flow_kg / p.flow_reference_kg - 1.0);
  const double results_term = p.pressure_results_gain * s.previous_results;
  s.policy.us_pressure = std::clamp(s.policy.us_pressure + flow_term - results_term, 0.0, 1.0);
}

void update_tariff(RunState& s) {
  PolicyState& policy = s.policy;
  if (!policy.tariff_policy_set) {
    policy.tariff_rate = 0.0;
    return;
  }
  if (policy.tariff_policy == TariffPolicy::fixed) {
    policy.tariff_rate = policy.tariff_max_rate;
    return;
  }
  const PolicyParameters& p = s.parameters.policy;
  if (policy.us_pressure > p.tariff_pressure_on) policy.conditional_tariff_on = true;
  if (policy.us_pressure < p.tariff_pressure_off) policy.conditional_tariff_on = false;
  policy.tariff_rate = policy.conditional_tariff_on ? policy.tariff_max_rate : 0.0;
}

/// Tariffs and aid set where Mexican capability and integrity are heading; they move there at
/// the aid adjustment rate (training and equipment decay or build up over months).
void update_mexican_capacity(RunState& s) {
  const AidParameters& aid = s.parameters.aid;
  const double tariff_factor =
      std::max(0.0, 1.0 - s.parameters.policy.tariff_capacity_elasticity * s.policy.tariff_rate);
  const double aid_gap = 1.0 - aid.inl_level;  // negative when aid exceeds the status quo
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    const StateActorDefinition& actor = s.actor(a);
    if (actor.type != ActorType::mx_body) continue;
    const double capability_target =
        actor.capability * tariff_factor * std::max(0.0, 1.0 - aid.capability_dependence * aid_gap);
    const double vetting = s.actors.in_framework[a] != 0 ? aid.vetting_integrity_gain : 0.0;
    const double integrity_target = std::clamp(
        actor.integrity * (1.0 - aid.integrity_dependence * aid_gap) + vetting, 0.0, 1.0);
    s.actors.capability[a] += aid.adjustment_rate * (capability_target - s.actors.capability[a]);
    s.actors.integrity[a] += aid.adjustment_rate * (integrity_target - s.actors.integrity[a]);
  }
}

void authorise_unilateral_action(RunState& s) {
  const PolicyParameters& p = s.parameters.policy;
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    const StateActorDefinition& actor = s.actor(a);
    double share = 0.0;
    if (p.unilateral_allowed && actor.type == ActorType::us_agency &&
        actor.unilateral_propensity > 0.0) {
      const double probability =
          logistic(p.unilateral_intercept + p.unilateral_pressure_slope * s.policy.us_pressure -
                   p.unilateral_trust_slope * actor_trust(s, a)) *
          actor.unilateral_propensity;
      share = s.sampler.occurs(probability, s.week, a, DrawPurpose::unilateral_authorisation);
    }
    s.actors.unilateral_share[a] = share;
  }
}

/// Mexico's stance follows its trust in the US, rises while it tries to avoid tariffs and falls
/// after sovereignty shocks. Under a tariff (or its threat) Mexico also hands over prisoners.
void update_stance(RunState& s) {
  const PolicyParameters& p = s.parameters.policy;
  PolicyState& policy = s.policy;
  const bool tariff_pressure =
      policy.tariff_rate > 0.0 ||
      (policy.tariff_policy_set && policy.us_pressure > p.tariff_pressure_on);
  double stance = policy.mx_stance;
  stance += p.stance_trust_rate * (mean_trust(s, Country::mx) - stance);
  if (tariff_pressure) stance += p.stance_tariff_avoidance;
  stance -= p.stance_shock_drop * s.previous_shock;
  policy.mx_stance = std::clamp(stance, 0.0, 1.0);
  if (tariff_pressure) {
    s.tally.transfers +=
        s.sampler.count(p.transfer_rate_under_tariff, s.week, 0, DrawPurpose::transfer);
  }
}

}  // namespace

void run_policy_phase(RunState& s) {
  // Trust changes only in the trust phase: each actor's mean trust holds for the whole week.
  s.trust_in_partners.resize(s.actor_count());
  for (std::size_t a = 0; a < s.actor_count(); ++a) s.trust_in_partners[a] = mean_trust_of(s, a);
  update_pressure(s);
  update_tariff(s);
  update_mexican_capacity(s);
  authorise_unilateral_action(s);
  update_stance(s);
}

double mean_trust(const RunState& s, Country from) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const auto& edge : s.trust) {
    if (s.actor(edge.from).country() != from) continue;
    sum += RunState::trust_level(edge);
    ++count;
  }
  return count > 0 ? sum / static_cast<double>(count) : 0.5;
}

double actor_trust(const RunState& s, std::size_t actor) { return s.trust_in_partners[actor]; }

double mean_trust_of(const RunState& s, std::size_t actor) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const auto& edge : s.trust) {
    if (edge.from != actor) continue;
    sum += RunState::trust_level(edge);
    ++count;
  }
  return count > 0 ? sum / static_cast<double>(count) : 0.5;
}

}  // namespace seccoop::agents
