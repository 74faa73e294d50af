#include "agents/cartel/split.hpp"

#include <cmath>

namespace seccoop::agents {

namespace {

void copy_share(std::vector<double>& values, std::size_t from, std::size_t to, double share) {
  values[to] = values[from] * share;
  values[from] -= values[to];
}

void inherit_relations(RunState& s, std::size_t parent, std::size_t faction) {
  const auto p = static_cast<std::uint32_t>(parent);
  const auto f = static_cast<std::uint32_t>(faction);
  const std::size_t rivalry_count = s.rivalries.size();
  for (std::size_t r = 0; r < rivalry_count; ++r) {
    const DynamicRivalry rivalry = s.rivalries[r];
    if (rivalry.first != p && rivalry.second != p) continue;
    const std::uint32_t other = rivalry.first == p ? rivalry.second : rivalry.first;
    s.rivalries.push_back({.first = std::min(other, f),
                           .second = std::max(other, f),
                           .weight = rivalry.weight,
                           .target = rivalry.target});
  }
  // Allies take sides: each alliance is shared between the factions in proportion to the
  // members each takes, so the pair's total alliance weight is unchanged.
  const double share = s.parameters.cartel.split_member_share;
  const std::size_t alliance_count = s.alliances.size();
  for (std::size_t a = 0; a < alliance_count; ++a) {
    CartelPair& alliance = s.alliances[a];
    if (alliance.first != p && alliance.second != p) continue;
    const std::uint32_t other = alliance.first == p ? alliance.second : alliance.first;
    const double moved = alliance.weight * share;
    alliance.weight -= moved;
    s.alliances.push_back(
        {.first = std::min(other, f), .second = std::max(other, f), .weight = moved});
  }
  // The two factions start at peace and escalate (cartel.split_escalation_half_life).
  s.rivalries.push_back(
      {.first = p, .second = f, .weight = 0.0, .target = s.parameters.cartel.split_rivalry_weight});
}

}  // namespace

bool split_cartel(RunState& s, std::size_t parent) {
  CartelState& c = s.cartels;
  if (c.count >= s.world->cartel_capacity) return false;
  const std::size_t faction = c.count++;
  const CartelParameters& p = s.parameters.cartel;
  const double share = p.split_member_share;
  double moved = c.members[parent] * share;
  if (s.sampler.stochastic()) moved = std::round(moved);
  c.members[faction] = moved;
  c.members[parent] -= moved;
  c.cohesion[parent] = c.cohesion[faction] = p.cohesion_after_split;
  c.alertness[faction] = c.alertness[parent];
  c.contest_multiplier[parent] = c.contest_multiplier[faction] = p.contest_peak_multiplier;
  copy_share(c.fentanyl_share, parent, faction, share);
  copy_share(c.revenue_average, parent, faction, share);
  copy_share(c.revenue_reference, parent, faction, share);
  copy_share(c.reference_members, parent, faction, share);
  c.corruption_reach[faction] = c.corruption_reach[parent];
  c.parent[faction] = static_cast<std::int32_t>(parent);
  c.presence[faction] = c.presence[parent];
  for (std::size_t a = 0; a < s.actor_count(); ++a) s.intel(a, faction) = s.intel(a, parent);
  inherit_relations(s, parent, faction);

  sim::ActorGraph& graph = s.graph_to_change();
  const sim::AgentId vertex = graph.add_agent(kCartelKind);
  s.cartel_vertex.push_back(vertex);
  graph.add_edge(kRivalryEdge, s.cartel_vertex[parent], vertex);
  s.events.push_back(EventRow{.week = static_cast<std::uint32_t>(s.week),
                              .type = EventType::split,
                              .actor = static_cast<std::int32_t>(parent),
                              .target = static_cast<std::int32_t>(faction),
                              .value = moved});
  s.conflict_network_stale = true;
  return true;
}

}  // namespace seccoop::agents
