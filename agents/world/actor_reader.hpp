#pragma once
// State actors (US agencies, Mexican bodies) and governments as world and scenario files write
// them. Actor kinds register by their YAML `type` name in one registry (CONVENTIONS.md 2).
#include <functional>
#include <optional>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"
#include "sim/config/kind_registry.hpp"

namespace seccoop::agents {

/// Whether a mapping defines an actor (world file: `name` and `type` given, required fields
/// enforced) or overrides some fields of an existing one (scenario `actors:` block).
enum class ActorFieldMode { definition, override };

/// Reads the fields of one kind from `fields` on top of `actor`, reporting unknown keys and
/// out-of-range values into the node's diagnostics.
using ActorFactory = std::function<void(const sim::ConfigNode& fields, StateActorDefinition& actor,
                                        ActorFieldMode mode)>;

/// The registered kinds: `us_agency` and `mx_body`.
const sim::KindRegistry<ActorFactory>& actor_kinds();

/// One entry of a world's `actors:` list; nullopt when its type is unknown.
std::optional<StateActorDefinition> read_actor(const sim::ConfigNode& node);

/// A scenario's `actors: {NAME: {field: value}}`, merged over the world's actors.
void apply_actor_overrides(const sim::ConfigNode& node, WorldDefinition& world);

/// `governments: {us_pressure, mx_stance}` over `state`; in a world file both are required.
void read_governments(const sim::ConfigNode& node, GovernmentState& state, bool all_required);

}  // namespace seccoop::agents
