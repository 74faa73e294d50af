#include "agents/model/run_state.hpp"

#include <cmath>

namespace seccoop::agents {

void WeekTally::reset(std::size_t cartels, std::size_t regions, std::size_t actors,
                      std::size_t trust_edges) {
  arrests.assign(cartels, 0.0);
  seized_mx_kg.assign(cartels, 0.0);
  seizure_hazard.assign(cartels, 0.0);
  seizure_effort_by_actor.assign(actors * cartels, 0.0);
  seized_by_actor_kg.assign(actors, 0.0);
  hvt_captures.assign(cartels, 0.0);
  strike_deaths.assign(regions, 0.0);
  collateral_deaths.assign(regions, 0.0);
  operations[0] = operations[1] = operations[2] = 0.0;
  leaks = detected_leaks = sovereignty_shock = transfers = strikes = 0.0;
  seized_border_kg = flow_to_us_kg = production_kg = 0.0;
  trust_success.assign(trust_edges, 0.0);
  trust_betrayal.assign(trust_edges, 0.0);
  shared_volume.assign(trust_edges, 0.0);
}

double WeekTally::seized_in_mexico() const { return ordered_sum(seized_mx_kg); }

namespace {

void initialise_cartels(const World& world, bool stochastic, CartelState& cartels) {
  const auto& definitions = world.definition->cartels;
  const std::size_t capacity = world.cartel_capacity;
  cartels.count = definitions.size();
  cartels.members.assign(capacity, 0.0);
  cartels.cohesion.assign(capacity, 1.0);
  cartels.alertness.assign(capacity, 0.0);
  cartels.contest_multiplier.assign(capacity, 1.0);
  cartels.fentanyl_share.assign(capacity, 0.0);
  cartels.corruption_reach.assign(capacity, 0.0);
  cartels.revenue_average.assign(capacity, 0.0);
  cartels.revenue_reference.assign(capacity, 0.0);
  cartels.reference_members.assign(capacity, 0.0);
  cartels.parent.assign(capacity, -1);
  cartels.presence.assign(capacity, {});
  for (std::size_t c = 0; c < definitions.size(); ++c) {
    const CartelDefinition& d = definitions[c];
    cartels.members[c] = stochastic ? std::round(d.initial_members) : d.initial_members;
    cartels.cohesion[c] = d.cohesion;
    cartels.fentanyl_share[c] = d.fentanyl_share;
    cartels.corruption_reach[c] = d.corruption_reach;
    cartels.presence[c] = d.presence;
    cartels.reference_members[c] = cartels.members[c];
  }
}

}  // namespace

RunState::RunState(const World& w, sim::StreamKey key, RunRecord& run_record)
    : world(&w),
      sampler(w.scenario->integration == IntegrationMode::stochastic, key),
      parameter_values(w.scenario->parameters),
      parameters(w.model),
      core(w.core),
      dynamics(ConflictNetwork(), w.core),
      record(&run_record) {
  const WorldDefinition& definition = *w.definition;
  initialise_cartels(w, sampler.stochastic(), cartels);
  for (const auto& pair : definition.rivalries) {
    rivalries.push_back(
        {.first = pair.first, .second = pair.second, .weight = pair.weight, .target = pair.weight});
  }
  alliances = definition.alliances;
  for (std::size_t c = 0; c < cartels.count; ++c)
    cartel_vertex.push_back(static_cast<sim::AgentId>(c));
  trust = definition.trust;
  coordination = definition.coordination;

  const std::size_t actor_total = definition.actors.size();
  actors.capability.resize(actor_total);
  actors.integrity.resize(actor_total);
  actors.intel.assign(actor_total * w.cartel_capacity, 0.0);
  actors.unilateral_share.assign(actor_total, 0.0);
  actors.in_framework.assign(actor_total, 0);
  actors.targets.assign(actor_total, {});
  for (std::size_t a = 0; a < actor_total; ++a) {
    actors.capability[a] = definition.actors[a].capability;
    actors.integrity[a] = definition.actors[a].integrity;
    for (std::size_t c = 0; c < cartels.count; ++c)
      intel(a, c) = definition.actors[a].initial_intel;
  }
  index_relations();
  trust_in_partners.assign(actor_total, 0.5);  // refreshed by the policy phase each week
  policy.us_pressure = definition.governments.us_pressure;
  policy.mx_stance = definition.governments.mx_stance;

  drivers = MembershipDrivers::uniform(w.cartel_capacity, core);
  deaths_by_region.assign(definition.regions.size(), 0.0);
  refresh_conflict_network();
}

void RunState::index_relations() {
  const std::size_t n = actor_count();
  coordination_of_pair.assign(n * n, -1);
  for (std::size_t e = 0; e < coordination.size(); ++e) {
    const auto& edge = coordination[e];
    coordination_of_pair[edge.us_actor * n + edge.mx_actor] = static_cast<std::int64_t>(e);
    coordination_of_pair[edge.mx_actor * n + edge.us_actor] = static_cast<std::int64_t>(e);
  }
  reverse_trust_edge.assign(trust.size(), -1);
  trust_edges_into.assign(n, {});
  for (std::size_t e = 0; e < trust.size(); ++e) {
    trust_edges_into[trust[e].to].push_back(static_cast<std::uint32_t>(e));
    for (std::size_t f = 0; f < trust.size(); ++f) {
      if (trust[f].from == trust[e].to && trust[f].to == trust[e].from) {
        reverse_trust_edge[e] = static_cast<std::int64_t>(f);
      }
    }
  }
}

void RunState::reload_parameters() {
  parameters = read_model_parameters(parameter_values);
  core = read_core_parameters(parameter_values);
}

namespace {

RivalryGround ground_of(const CartelState& cartels, std::uint32_t a, std::uint32_t b) {
  std::vector<Presence> shared;
  double overlap = 0.0;
  for (const Presence& pa : cartels.presence[a]) {
    for (const Presence& pb : cartels.presence[b]) {
      if (pa.region != pb.region) continue;
      shared.push_back({.region = pa.region, .share = pa.share * pb.share});
      overlap += pa.share * pb.share;
    }
  }
  if (overlap <= 0.0) return {.first = cartels.presence[a], .second = cartels.presence[b]};
  for (Presence& where : shared) where.share /= overlap;
  return {.first = shared, .second = shared};
}

}  // namespace

void RunState::refresh_conflict_network() {
  rivalry_ground.clear();
  for (const auto& r : rivalries) rivalry_ground.push_back(ground_of(cartels, r.first, r.second));
  std::vector<WeightedPair> rivals;
  rivals.reserve(rivalries.size());
  for (const auto& r : rivalries)
    rivals.push_back({.first = r.first, .second = r.second, .weight = r.weight});
  std::vector<WeightedPair> allies;
  for (const auto& a : alliances) {
    allies.push_back({.first = a.first, .second = a.second, .weight = a.weight});
  }
  dynamics = MembershipDynamics(ConflictNetwork(world->cartel_capacity, rivals, allies), core);

  conflict_network_stale = false;
}

}  // namespace seccoop::agents
