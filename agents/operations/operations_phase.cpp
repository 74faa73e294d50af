// Phase 4, operations (MODEL.md section 5.4). Each actor spends its capability on its priority
// targets in one of three modes:
//   joint      a US agency with a Mexican partner (needs coordination >= kappa_min and stance
//              >= S_min): combined intel, the partner's leak risk, containment of contests;
//   domestic   a Mexican body alone: its own intel, reduced by its infiltration;
//   unilateral a US agency authorised to act alone: no leak risk, no containment, a
//              sovereignty shock (strikes by agencies that can strike).
// Operations arrest members, seize fentanyl and capture high-value targets.
#include <algorithm>
#include <cmath>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

struct Operation {
  std::size_t actor = 0;
  std::int64_t partner = -1;  // Mexican body of a joint operation
  OperationMode mode = OperationMode::domestic;
  double effort = 0.0;  // effort units this week, over all targets
};

/// The Mexican body a US agency works with: the best channel (coordination x trust), if any
/// clears the thresholds.
std::int64_t joint_partner(const RunState& s, std::size_t us_actor) {
  const OperationsParameters& p = s.parameters.operations;
  if (s.policy.mx_stance < p.joint_stance_min) return -1;
  std::int64_t best = -1;
  double best_score = 0.0;
  for (std::size_t b = 0; b < s.actor_count(); ++b) {
    if (s.actor(b).type != ActorType::mx_body) continue;
    const std::int64_t channel = s.coordination_between(us_actor, b);
    if (channel < 0) continue;
    const double level = s.coordination[static_cast<std::size_t>(channel)].level;
    if (level < p.joint_coordination_min) continue;
    const double score = level * actor_trust(s, b);
    if (score > best_score) {
      best_score = score;
      best = static_cast<std::int64_t>(b);
    }
  }
  return best;
}

/// Chance that effort on `cartel` succeeds: intel, cut by the target's alertness and by the
/// risk that the operation leaks through an infiltrated Mexican body.
double success(const RunState& s, const Operation& op, std::size_t cartel) {
  double intel = s.intel(op.actor, cartel);
  double leak_risk = 0.0;
  if (op.mode == OperationMode::joint) {
    const auto partner = static_cast<std::size_t>(op.partner);
    intel = 1.0 - (1.0 - intel) * (1.0 - s.intel(partner, cartel));
    leak_risk = s.infiltration(cartel, partner);
  } else if (op.mode == OperationMode::domestic) {
    leak_risk = s.infiltration(cartel, op.actor);
  }
  return intel * (1.0 - s.cartels.alertness[cartel]) * (1.0 - leak_risk);
}

/// Splits effort over targets in proportion to what the actor knows of each (never zero, so
/// an unknown target still gets some).
void conduct(RunState& s, const Operation& op) {
  const auto& targets = s.actors.targets[op.actor];
  if (targets.empty() || op.effort <= 0.0) return;
  const OperationsParameters& p = s.parameters.operations;
  double weight_total = 0.0;
  for (const std::uint32_t c : targets) weight_total += 0.1 + s.intel(op.actor, c);
  s.tally.operations[static_cast<std::size_t>(op.mode)] += op.effort;
  double successful_effort = 0.0;
  // An agency may work a target alone and jointly in the same week: the two captures are
  // separate chances, so they draw from separate streams.
  const DrawPurpose capture_draw =
      op.mode == OperationMode::unilateral ? DrawPurpose::hvt_unilateral : DrawPurpose::hvt;
  for (const std::uint32_t c : targets) {
    const double effort = op.effort * (0.1 + s.intel(op.actor, c)) / weight_total;
    const double chance = success(s, op, c);
    successful_effort += effort * chance;
    s.tally.arrests[c] += effort * chance * p.arrests_per_effort;
    s.tally.seizure_hazard[c] += effort * chance * p.seizure_rate_per_effort;
    s.tally.seizure_effort_by_actor[op.actor * s.world->cartel_capacity + c] += effort * chance;
    const double expected_captures =
        effort * p.hvt_attempts_per_effort * chance * p.hvt_success_probability;
    const double captures =
        s.sampler.count(expected_captures, s.week, Sampler::pair(op.actor, c), capture_draw);
    if (captures <= 0.0) continue;
    const double contained = op.mode == OperationMode::joint ? 1.0 : 0.0;
    apply_leader_captures(s, c, captures, contained);
    if (op.mode == OperationMode::unilateral)
      s.tally.sovereignty_shock += captures * p.capture_shock;
  }
  if (op.mode == OperationMode::joint) {
    // Successful joint work is evidence of reciprocity in both directions.
    const double evidence = s.parameters.trust.joint_success_weight * successful_effort;
    for (std::size_t e = 0; e < s.trust.size(); ++e) {
      const TrustEdge& edge = s.trust[e];
      const bool pair =
          (edge.from == op.actor && edge.to == static_cast<std::size_t>(op.partner)) ||
          (edge.to == op.actor && edge.from == static_cast<std::size_t>(op.partner));
      if (pair) s.tally.trust_success[e] += evidence;
    }
  }
}

/// General policing: the untargeted share of the published incapacitation, in proportion to
/// size, scaled by Mexican capability relative to the start.
void general_policing(RunState& s) {
  double capability = 0.0;
  double initial = 0.0;
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    if (s.actor(a).type != ActorType::mx_body) continue;
    capability += s.actors.capability[a];
    initial += s.actor(a).capability;
  }
  const double scale = initial > 0.0 ? capability / initial : 1.0;
  const double arrests =
      s.core.incapacitation_per_week * s.parameters.operations.general_policing_share * scale;
  double total = 0.0;
  for (std::size_t c = 0; c < s.cartels.count; ++c) total += s.cartels.members[c];
  if (total <= 0.0) return;
  for (std::size_t c = 0; c < s.cartels.count; ++c)
    s.tally.arrests[c] += arrests * s.cartels.members[c] / total;
}

}  // namespace

void run_operations_phase(RunState& s) {
  if (s.actor_count() == 0) return;
  general_policing(s);
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    const StateActorDefinition& actor = s.actor(a);
    const double effort = s.actors.capability[a] * (1.0 - actor.border_share);
    if (actor.type == ActorType::mx_body) {
      conduct(s, {.actor = a, .mode = OperationMode::domestic, .effort = effort});
      continue;
    }
    const double alone = s.actors.unilateral_share[a];
    if (alone > 0.0 && actor.can_strike && !s.actors.targets[a].empty()) {
      // One strike a week when authorised.
      apply_strikes(s, s.actors.targets[a].front(), alone, Striker::actor(a));
    } else if (alone > 0.0) {
      conduct(s, {.actor = a, .mode = OperationMode::unilateral, .effort = effort * alone});
      s.tally.sovereignty_shock += s.parameters.operations.unilateral_operation_shock * alone;
    }
    const std::int64_t partner = joint_partner(s, a);
    if (partner >= 0 && !actor.can_strike) {
      conduct(s, {.actor = a,
                  .partner = partner,
                  .mode = OperationMode::joint,
                  .effort = effort * (1.0 - alone)});
    }
  }
}

}  // namespace seccoop::agents
