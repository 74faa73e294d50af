#pragma once
// A scenario made ready to run: the actor graph, edge weights and initial state, built once and
// shared read-only by every run of that scenario.
#include <vector>

#include "agents/cartel/conflict_network.hpp"
#include "agents/cartel/core_parameters.hpp"
#include "agents/network/cartel_network.hpp"
#include "agents/output/series_catalog.hpp"
#include "agents/scenario/scenario.hpp"
#include "sim/graph/actor_graph.hpp"

namespace seccoop::agents {

/// Agent kinds and edge kinds of the actor graph, by the names used in YAML.
enum AgentKindId : sim::AgentKind { kCartelKind = 0 };
enum EdgeKindId : sim::EdgeKind { kRivalryEdge = 0, kAllianceEdge = 1 };

struct World {
  const Scenario* scenario = nullptr;
  sim::ActorGraph graph;
  std::vector<sim::AgentId> cartel_agent;  // cartel index -> vertex
  std::vector<std::string> cartel_names;
  std::vector<double> rivalry_weight;   // by rivalry edge slot
  std::vector<double> alliance_weight;  // by alliance edge slot
  CoreParameters core;
  ConflictNetwork conflict;
  std::vector<double> initial_members;  // by cartel index

  [[nodiscard]] std::size_t cartel_count() const noexcept { return cartel_agent.size(); }
  [[nodiscard]] AxisSizes axis_sizes() const { return {.cartels = cartel_count()}; }
};

/// Builds the world of `scenario`. Throws sim::UserError if its network cannot be read.
World build_world(const Scenario& scenario);

}  // namespace seccoop::agents
