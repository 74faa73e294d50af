#include "agents/model/world.hpp"

#include <cmath>

#include "agents/network/published_network.hpp"

namespace seccoop::agents {

namespace {

/// The rivalry or alliance pairs as stored on the graph, back in cartel-index terms.
std::vector<WeightedPair> pairs_of(const World& world, EdgeKindId kind,
                                   const std::vector<double>& weight) {
  std::vector<WeightedPair> pairs;
  const auto& endpoints = world.graph.endpoints(kind);
  pairs.reserve(endpoints.size());
  for (std::size_t slot = 0; slot < endpoints.size(); ++slot) {
    // Cartels are the first vertices, so a cartel's vertex id is its index.
    pairs.push_back(WeightedPair{.first = endpoints[slot].first,
                                 .second = endpoints[slot].second,
                                 .weight = weight[slot]});
  }
  return pairs;
}

}  // namespace

World build_world(const Scenario& scenario) {
  sim::Diagnostics diagnostics;
  const CartelNetwork network = load_published_network(scenario.network.directory, diagnostics);
  diagnostics.throw_if_any();

  World world;
  world.scenario = &scenario;
  world.core = read_core_parameters(scenario.parameters);
  for (std::size_t i = 0; i < network.size(); ++i) {
    world.cartel_agent.push_back(world.graph.add_agent(kCartelKind));
  }
  world.cartel_names = network.names;
  for (const auto& pair : network.rivalries) {
    world.graph.add_edge(kRivalryEdge, pair.first, pair.second);
    world.rivalry_weight.push_back(pair.weight);
  }
  for (const auto& pair : network.alliances) {
    world.graph.add_edge(kAllianceEdge, pair.first, pair.second);
    world.alliance_weight.push_back(pair.weight);
  }
  world.conflict = ConflictNetwork(world.cartel_count(), pairs_of(world, kRivalryEdge, world.rivalry_weight),
                                   pairs_of(world, kAllianceEdge, world.alliance_weight));
  world.initial_members = initial_members_by_rank(network, world.core.initial_members);
  if (scenario.integration == IntegrationMode::stochastic) {
    for (double& members : world.initial_members) members = std::round(members);
  }
  return world;
}

}  // namespace seccoop::agents
