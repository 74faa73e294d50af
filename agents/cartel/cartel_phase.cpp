// Phase 5, cartel dynamics: cohesion recovers and succession contests fade with their
// half-lives, factions' rivalries escalate, cartels below the split threshold split, and the
// calibrated core advances members with this week's arrests, revenue and contests.
#include <algorithm>
#include <cmath>

#include "agents/cartel/split.hpp"
#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

/// Share of a gap that remains after one week with half-life `weeks`.
double remaining_after_week(double half_life_weeks) { return std::exp2(-1.0 / half_life_weeks); }

void relax_cartels(RunState& s) {
  const CartelParameters& p = s.parameters.cartel;
  const double cohesion_keep = remaining_after_week(p.cohesion_recovery_half_life);
  const double contest_keep = remaining_after_week(p.contest_half_life);
  const double escalation_keep = remaining_after_week(p.split_escalation_half_life);
  for (std::size_t c = 0; c < s.cartels.count; ++c) {
    s.cartels.cohesion[c] = 1.0 - (1.0 - s.cartels.cohesion[c]) * cohesion_keep;
    s.cartels.contest_multiplier[c] = 1.0 + (s.cartels.contest_multiplier[c] - 1.0) * contest_keep;
  }
  for (auto& rivalry : s.rivalries)
    rivalry.weight = rivalry.target + (rivalry.weight - rivalry.target) * escalation_keep;
}

void split_fractured_cartels(RunState& s) {
  const CartelParameters& p = s.parameters.cartel;
  const std::size_t existing = s.cartels.count;
  for (std::size_t c = 0; c < existing; ++c) {
    if (s.cartels.cohesion[c] < p.split_threshold && s.cartels.members[c] >= p.split_min_members) {
      split_cartel(s, c);
    }
  }
  if (s.conflict_network_stale) s.refresh_conflict_network();
}

/// This week's inputs to the core: arrests become incapacitation (eta_i y_i / TC = arrests_i),
/// fentanyl revenue scales recruitment, contests scale rivalries.
void set_drivers(RunState& s) {
  MembershipDrivers& d = s.drivers;
  double total = 0.0;
  for (std::size_t c = 0; c < s.cartels.count; ++c) total += s.cartels.members[c];
  const double rho = s.core.recruitment_rate_per_week;
  const double elasticity = s.parameters.cartel.revenue_recruitment_elasticity;
  for (std::size_t c = 0; c < s.world->cartel_capacity; ++c) {
    const double members = s.cartels.members[c];
    const double arrests = std::min(s.tally.arrests[c], 0.5 * members);
    d.incapacitation_pressure[c] = members > 0.0 ? arrests * total / members : 0.0;
    const double reference = s.cartels.revenue_reference[c];
    d.recruitment_rate[c] =
        reference > 0.0
            ? rho * std::pow(std::max(s.cartels.revenue_average[c], 1e-9 * reference) / reference,
                             elasticity)
            : rho;
    d.contest_multiplier[c] = s.cartels.contest_multiplier[c];
  }
  s.rivalry_weights.resize(s.rivalries.size());
  for (std::size_t r = 0; r < s.rivalries.size(); ++r) s.rivalry_weights[r] = s.rivalries[r].weight;
  s.dynamics.set_rivalry_weights(s.rivalry_weights);
}

}  // namespace

void run_cartel_phase(RunState& s) {
  if (s.world->has_security_actors()) {
    relax_cartels(s);
    split_fractured_cartels(s);
    set_drivers(s);
  }
  const std::size_t slots = s.flows.deaths.size();
  if (s.world->scenario->integration == IntegrationMode::expected) {
    const FlowTotals totals = s.dynamics.step_expected(s.cartels.members, s.drivers,
                                                       s.world->scenario->substeps, s.flows);
    if (s.cartels.count == slots) {  // no slot for factions: the stage's sums are the totals
      s.flow_totals_in_use = s.flow_totals = totals;
      return;
    }
  } else {
    s.dynamics.step_stochastic(s.cartels.members, s.drivers, s.sampler.key(), s.week, s.flows);
  }
  // Slots past the count continue the same sums, so both are what a pass over them gives.
  s.flow_totals_in_use = add_flows(s.flows, 0, s.cartels.count, {});
  s.flow_totals = add_flows(s.flows, s.cartels.count, slots, s.flow_totals_in_use);
}

}  // namespace seccoop::agents
