// Phase 6, flows and violence accounting (MODEL.md section 5.6): fentanyl produced by each
// cartel, seized in Mexico and at the US border, and what reaches the US market; revenue
// follows what is sold. Conflict deaths become homicides, placed where the conflict is (see
// violence()); strike deaths are added where they happened.
#include <algorithm>
#include <cmath>
#include <span>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

double border_hazard(const RunState& s) {
  double effort = 0.0;
  for (std::size_t a = 0; a < s.actor_count(); ++a)
    effort += s.actors.capability[a] * s.actor(a).border_share;
  return s.parameters.operations.border_seizure_rate * effort;
}

/// Seizures in Mexico attributed to the actors whose successful effort produced them.
void attribute_seizures(RunState& s, std::size_t cartel, double operational_kg, double hazard) {
  if (operational_kg <= 0.0 || hazard <= 0.0) return;
  const std::size_t capacity = s.world->cartel_capacity;
  const double per_unit =
      operational_kg / (hazard / s.parameters.operations.seizure_rate_per_effort);
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    s.tally.seized_by_actor_kg[a] +=
        per_unit * s.tally.seizure_effort_by_actor[a * capacity + cartel];
  }
}

void fentanyl(RunState& s) {
  const double border_share_seized = -std::expm1(-border_hazard(s));
  const double smoothing = std::exp2(-1.0 / s.parameters.cartel.revenue_smoothing_half_life);
  const double price = s.parameters.flows.price_usd_per_kg;
  for (std::size_t c = 0; c < s.cartels.count; ++c) {
    CartelState& k = s.cartels;
    const double reference = k.reference_members[c];
    const double produced = reference > 0.0 ? s.parameters.flows.production_kg_per_week *
                                                  k.fentanyl_share[c] * k.members[c] / reference
                                            : 0.0;
    const double hazard = s.tally.seizure_hazard[c];
    // Most cartels are nobody's target (hazard 0): skip the expm1, whose result would be 0.
    const double operational = hazard == 0.0 ? 0.0 : produced * -std::expm1(-hazard);
    attribute_seizures(s, c, operational, hazard);
    const double seized = std::min(produced, operational + s.tally.seized_mx_kg[c]);
    s.tally.seized_mx_kg[c] = seized;
    const double at_border = produced - seized;
    const double seized_at_border = at_border * border_share_seized;
    const double sold = at_border - seized_at_border;
    s.tally.production_kg += produced;
    s.tally.seized_border_kg += seized_at_border;
    s.tally.flow_to_us_kg += sold;
    const double revenue = sold * price;
    k.revenue_average[c] =
        s.week == 1 ? revenue : revenue + (k.revenue_average[c] - revenue) * smoothing;
    if (s.week == 1) k.revenue_reference[c] = revenue;
  }
}

/// Members of all cartels present in each region.
void members_by_region(const RunState& s, std::vector<double>& members) {
  members.assign(s.deaths_by_region.size(), 0.0);
  for (std::size_t c = 0; c < s.cartels.count; ++c) {
    for (const Presence& where : s.cartels.presence[c])
      members[where.region] += s.cartels.members[c] * where.share;
  }
}

/// Conflict deaths of each cartel split as the core computed them: the rivalry part goes where
/// the rivals meet; the diffuse part (the "+1" every pair has) goes where the cartel is present
/// in proportion to the other cartels' members there, so a cartel alone in its home state
/// does not make it violent.
void violence(RunState& s) {
  std::fill(s.deaths_by_region.begin(), s.deaths_by_region.end(), 0.0);
  const CartelState& k = s.cartels;
  if (s.deaths_by_region.size() == 1) {  // one region (the core alone): nothing to place
    s.deaths_by_region[0] = s.flow_totals_in_use.deaths;  // the sum over cartels in use
    return;
  }
  ViolenceScratch& scratch = s.violence_scratch;
  const std::vector<double>& regional_members = scratch.regional_members;
  members_by_region(s, scratch.regional_members);
  std::vector<double>& rivalry_pressure = scratch.rivalry_pressure;
  rivalry_pressure.assign(k.count, 0.0);
  for (const DynamicRivalry& rivalry : s.rivalries) {
    const double m =
        k.contest_multiplier[rivalry.first] * k.contest_multiplier[rivalry.second] * rivalry.weight;
    rivalry_pressure[rivalry.first] += m * k.members[rivalry.second];
    rivalry_pressure[rivalry.second] += m * k.members[rivalry.first];
  }
  double total_members = 0.0;
  for (std::size_t c = 0; c < k.count; ++c) total_members += k.members[c];
  std::vector<double>& rivalry_deaths_per_pressure = scratch.rivalry_deaths_per_pressure;
  rivalry_deaths_per_pressure.assign(k.count, 0.0);
  for (std::size_t c = 0; c < k.count; ++c) {
    const double deaths = s.flows.deaths[c];
    if (deaths <= 0.0) continue;
    const double diffuse_pressure = std::max(0.0, total_members - k.members[c]);
    const double pressure = rivalry_pressure[c] + diffuse_pressure;
    if (pressure <= 0.0) continue;
    rivalry_deaths_per_pressure[c] = deaths / pressure;
    const double diffuse = deaths * diffuse_pressure / pressure;
    double weight_total = 0.0;
    for (const Presence& where : k.presence[c]) {
      weight_total +=
          where.share * std::max(0.0, regional_members[where.region] - k.members[c] * where.share);
    }
    for (const Presence& where : k.presence[c]) {
      const double others =
          std::max(0.0, regional_members[where.region] - k.members[c] * where.share);
      const double weight = weight_total > 0.0 ? where.share * others / weight_total : where.share;
      s.deaths_by_region[where.region] += diffuse * weight;
    }
  }
  for (std::size_t r = 0; r < s.rivalries.size(); ++r) {
    const DynamicRivalry& rivalry = s.rivalries[r];
    const double m =
        k.contest_multiplier[rivalry.first] * k.contest_multiplier[rivalry.second] * rivalry.weight;
    if (m <= 0.0) continue;
    const RivalryGround& ground = s.rivalry_ground[r];
    const double first = rivalry_deaths_per_pressure[rivalry.first] * m * k.members[rivalry.second];
    const double second =
        rivalry_deaths_per_pressure[rivalry.second] * m * k.members[rivalry.first];
    for (const Presence& where : ground.first)
      s.deaths_by_region[where.region] += first * where.share;
    for (const Presence& where : ground.second)
      s.deaths_by_region[where.region] += second * where.share;
  }
}

/// What US pressure reads next week: the flow, and results in pressure units.
void remember_for_policy(RunState& s) {
  const PolicyParameters& p = s.parameters.policy;
  s.captures_in_use = ordered_sum(std::span(s.tally.hvt_captures).first(s.cartels.count));
  s.seized_in_mexico_kg = s.tally.seized_in_mexico();
  const double captures = s.captures_in_use;
  const double seized = s.seized_in_mexico_kg + s.tally.seized_border_kg;
  s.previous_flow_kg = s.tally.flow_to_us_kg;
  s.previous_results =
      captures + seized / p.seizure_reference_kg + s.tally.transfers / p.transfer_reference;
  s.previous_shock = s.tally.sovereignty_shock;
}

}  // namespace

void run_flows_phase(RunState& s) {
  if (s.world->has_security_actors()) fentanyl(s);
  violence(s);
  remember_for_policy(s);
}

}  // namespace seccoop::agents
