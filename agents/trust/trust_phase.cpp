// Phase 7, trust and coordination (MODEL.md section 5.7). Trust along each directed edge is a
// Beta(alpha, beta) belief with forgetting lambda: evidence decays toward the edge's prior so
// that, without news, trust returns to where it started.
//   alpha <- lambda alpha + (1 - lambda) alpha_0 + joint successes + reciprocated sharing
//   beta  <- lambda beta  + (1 - lambda) beta_0  + detected leaks + sovereignty shocks + tariffs
// Coordination moves toward a framework's level (or its baseline, scaled by aid) and is
// damaged by unilateral acts.
#include <algorithm>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

void update_trust(RunState& s) {
  const TrustParameters& p = s.parameters.trust;
  const double lambda = p.forgetting;
  for (std::size_t e = 0; e < s.trust.size(); ++e) {
    TrustEdge& edge = s.trust[e];
    const TrustEdge& prior = s.world->definition->trust[e];
    double success = s.tally.trust_success[e];
    const std::int64_t back = s.reverse_trust_edge[e];
    if (back >= 0)
      success += p.sharing_weight * s.tally.shared_volume[static_cast<std::size_t>(back)];
    double betrayal = s.tally.trust_betrayal[e];
    const StateActorDefinition& truster = s.actor(edge.from);
    if (truster.country() == Country::mx && s.actor(edge.to).country() == Country::us) {
      betrayal += p.shock_weight * truster.sovereignty_sensitivity * s.tally.sovereignty_shock;
      betrayal += p.tariff_weight * s.policy.tariff_rate;
    }
    edge.alpha = lambda * edge.alpha + (1.0 - lambda) * prior.alpha + success;
    edge.beta = lambda * edge.beta + (1.0 - lambda) * prior.beta + betrayal;
  }
}

void update_coordination(RunState& s) {
  const TrustParameters& p = s.parameters.trust;
  for (auto& channel : s.coordination) {
    const bool framework = s.policy.framework_level > 0.0 &&
                           s.actors.in_framework[channel.us_actor] != 0 &&
                           s.actors.in_framework[channel.mx_actor] != 0;
    const double target = framework
                              ? s.policy.framework_level
                              : p.coordination_baseline * std::min(1.0, s.parameters.aid.inl_level);
    const double rate = framework ? p.coordination_build_rate : p.coordination_decay_rate;
    channel.level +=
        rate * (target - channel.level) - p.coordination_shock_damage * s.tally.sovereignty_shock;
    channel.level = std::clamp(channel.level, 0.0, 1.0);
  }
}

}  // namespace

void run_trust_phase(RunState& s) {
  update_trust(s);
  update_coordination(s);
}

}  // namespace seccoop::agents
