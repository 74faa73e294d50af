#include "agents/model/world.hpp"

#include <cmath>

#include "agents/network/published_network.hpp"

namespace seccoop::agents {

AxisSizes World::axis_sizes() const {
  return {.cartels = cartel_capacity,
          .regions = definition->regions.size(),
          .actors = actor_count(),
          .trust_edges = definition->trust.size(),
          .coordination_edges = definition->coordination.size()};
}

std::shared_ptr<const WorldDefinition> world_from_published_network(const Scenario& scenario) {
  sim::Diagnostics diagnostics;
  const CartelNetwork network = load_published_network(scenario.network->directory, diagnostics);
  diagnostics.throw_if_any();
  const CoreParameters core = read_core_parameters(scenario.parameters);

  auto world = std::make_shared<WorldDefinition>();
  world->regions.codes = {"MEX"};
  world->regions.names = {"Mexico (national)"};
  world->regions.population = {126014024.0};  // INEGI 2020 census
  world->regions.borders_us = {1};
  world->regions.neighbours = {{}};
  const auto members = initial_members_by_rank(network, core.initial_members);
  for (std::size_t i = 0; i < network.size(); ++i) {
    world->cartels.push_back(CartelDefinition{.name = network.names[i],
                                              .initial_members = members[i],
                                              .presence = {{.region = 0, .share = 1.0}}});
  }
  for (const auto& pair : network.rivalries) {
    world->rivalries.push_back({.first = pair.first, .second = pair.second, .weight = pair.weight});
  }
  for (const auto& pair : network.alliances) {
    world->alliances.push_back({.first = pair.first, .second = pair.second, .weight = pair.weight});
  }
  return world;
}

World build_world(const Scenario& scenario) {
  World world;
  world.scenario = &scenario;
  world.definition = scenario.world ? scenario.world : world_from_published_network(scenario);
  world.core = read_core_parameters(scenario.parameters);
  world.model = read_model_parameters(scenario.parameters);
  const WorldDefinition& definition = *world.definition;
  world.cartel_capacity =
      definition.cartels.size() +
      (world.has_security_actors() ? static_cast<std::size_t>(world.model.cartel.max_factions) : 0);

  for (std::size_t c = 0; c < definition.cartels.size(); ++c) world.graph.add_agent(kCartelKind);
  for (const auto& actor : definition.actors) {
    world.graph.add_agent(actor.type == ActorType::us_agency ? kUsAgencyKind : kMxBodyKind);
  }
  for (const auto& pair : definition.rivalries)
    world.graph.add_edge(kRivalryEdge, pair.first, pair.second);
  for (const auto& pair : definition.alliances)
    world.graph.add_edge(kAllianceEdge, pair.first, pair.second);
  for (const auto& edge : definition.trust) {
    world.graph.add_edge(kTrustEdge, world.actor_vertex(edge.from), world.actor_vertex(edge.to));
  }
  for (const auto& edge : definition.coordination) {
    world.graph.add_edge(kCoordinationEdge, world.actor_vertex(edge.us_actor),
                         world.actor_vertex(edge.mx_actor));
  }
  // Corruption: every cartel with reach infiltrates every Mexican body (iota derived per week).
  for (std::size_t c = 0; c < definition.cartels.size(); ++c) {
    if (definition.cartels[c].corruption_reach <= 0.0) continue;
    for (std::size_t a = 0; a < definition.actors.size(); ++a) {
      if (definition.actors[a].type != ActorType::mx_body) continue;
      world.graph.add_edge(kCorruptionEdge, static_cast<sim::AgentId>(c), world.actor_vertex(a));
    }
  }
  return world;
}

}  // namespace seccoop::agents
