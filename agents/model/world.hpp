#pragma once
// A scenario made ready to run: its world definition, typed parameters and the actor graph at
// the start, built once and shared read-only by every run of that scenario.
#include <memory>
#include <vector>

#include "agents/cartel/core_parameters.hpp"
#include "agents/model/model_parameters.hpp"
#include "agents/output/series_catalog.hpp"
#include "agents/scenario/scenario.hpp"
#include "agents/world/world_definition.hpp"
#include "sim/graph/actor_graph.hpp"

namespace seccoop::agents {

/// Agent kinds and edge kinds of the actor graph.
inline constexpr sim::AgentKind kCartelKind = 0;
inline constexpr sim::AgentKind kUsAgencyKind = 1;
inline constexpr sim::AgentKind kMxBodyKind = 2;
inline constexpr sim::EdgeKind kRivalryEdge = 0;
inline constexpr sim::EdgeKind kAllianceEdge = 1;
inline constexpr sim::EdgeKind kTrustEdge = 2;
inline constexpr sim::EdgeKind kCoordinationEdge = 3;
inline constexpr sim::EdgeKind kCorruptionEdge = 4;

struct World {
  const Scenario* scenario = nullptr;
  std::shared_ptr<const WorldDefinition> definition;
  CoreParameters core;
  ModelParameters model;
  /// Vertices: cartels 0..C-1, then state actors. Factions created by splits are added per run.
  sim::ActorGraph graph;
  std::size_t cartel_capacity = 0;  // initial cartels + faction slots

  [[nodiscard]] std::size_t initial_cartels() const { return definition->cartels.size(); }
  [[nodiscard]] std::size_t actor_count() const { return definition->actors.size(); }
  /// The security model runs only when the world has state actors; otherwise the published
  /// core runs unchanged (incapacitation shared by size).
  [[nodiscard]] bool has_security_actors() const { return !definition->actors.empty(); }
  [[nodiscard]] AxisSizes axis_sizes() const;
  [[nodiscard]] sim::AgentId actor_vertex(std::size_t actor) const {
    return static_cast<sim::AgentId>(initial_cartels() + actor);
  }
};

/// Builds the world of `scenario`. Throws sim::UserError if its data cannot be read.
World build_world(const Scenario& scenario);

/// The published network as a world of cartels only (one national region).
std::shared_ptr<const WorldDefinition> world_from_published_network(const Scenario& scenario);

}  // namespace seccoop::agents
