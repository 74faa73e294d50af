#pragma once
// Resolving the names a file uses (cartels, state actors) to indices of the world, with the
// messages a user needs: a did-you-mean for a typo, and "wrong actor type" when the name exists
// but belongs to the other kind of agent (a capture `by` a cartel).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

/// A mapping's entries as (key, value) nodes, so that a problem with a key (an unknown name
/// used as a key) is reported where the key is written. Reports a node that is not a mapping.
std::vector<std::pair<sim::ConfigNode, sim::ConfigNode>> keyed_entries(
    const sim::ConfigNode& mapping);

/// The index of `node`'s text in `names`; reports an unknown `what` (e.g. "region") with a
/// did-you-mean and returns nullopt.
std::optional<std::uint32_t> lookup_name(const sim::ConfigNode& node,
                                         const std::vector<std::string>& names,
                                         std::string_view what);

/// A cartel of `world` by name; a state actor's name is reported as the wrong actor type.
std::optional<std::uint32_t> find_cartel(const sim::ConfigNode& node, const WorldDefinition& world);

/// A state actor of `world` by name; a cartel's name is reported as the wrong actor type.
std::optional<std::uint32_t> find_actor(const sim::ConfigNode& node, const WorldDefinition& world);

/// A state actor of the given type; another actor is reported as the wrong actor type.
std::optional<std::uint32_t> find_actor_of_type(const sim::ConfigNode& node,
                                                const WorldDefinition& world, ActorType type);

}  // namespace seccoop::agents
