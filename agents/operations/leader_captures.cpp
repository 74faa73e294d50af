// High-value targets and strikes: what a capture or a strike does to a cartel.
#include <algorithm>
#include <cmath>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

void apply_leader_captures(RunState& s, std::size_t cartel, double captures, double contained) {
  const CartelParameters& p = s.parameters.cartel;
  s.tally.hvt_captures[cartel] += captures;
  s.cartels.cohesion[cartel] =
      std::max(0.0, s.cartels.cohesion[cartel] - p.hvt_cohesion_loss * captures);
  // A succession contest: the cartel's rivalries intensify; Mexican forces deployed with a
  // joint operation contain part of it. Fractional captures (expected mode) start a
  // proportionally smaller contest.
  const double containment = s.parameters.operations.containment * std::clamp(contained, 0.0, 1.0);
  const double peak =
      1.0 + (p.contest_peak_multiplier - 1.0) * (1.0 - containment) * std::min(1.0, captures);
  s.cartels.contest_multiplier[cartel] = std::max(s.cartels.contest_multiplier[cartel], peak);
}

void apply_strikes(RunState& s, std::size_t cartel, double strikes, Striker striker) {
  if (strikes <= 0.0 || cartel >= s.cartels.count) return;
  const OperationsParameters& p = s.parameters.operations;
  s.tally.strikes += strikes;
  const double killed = std::min(s.cartels.members[cartel], strikes * p.strike_members_killed);
  s.cartels.members[cartel] -= killed;
  const double bystanders = strikes * p.strike_collateral_deaths;
  for (const Presence& where : s.cartels.presence[cartel]) {
    s.tally.strike_deaths[where.region] += (killed + bystanders) * where.share;
    s.tally.collateral_deaths[where.region] += bystanders * where.share;
  }
  const double leaders = s.sampler.successes(
      std::round(std::max(1.0, strikes)), p.strike_hvt_probability * std::min(1.0, strikes), s.week,
      Sampler::pair(striker.entity, cartel), striker.purpose);
  if (leaders > 0.0) apply_leader_captures(s, cartel, leaders, 0.0);
  // Retaliation: the struck cartel goes on alert.
  s.cartels.alertness[cartel] = 1.0 - (1.0 - s.cartels.alertness[cartel]) * 0.5;
  s.tally.sovereignty_shock += strikes * p.strike_shock;
}

}  // namespace seccoop::agents
