#pragma once
// Edges of a world file: cartel rivalries and alliances, trust between state actors and the
// coordination channels between US agencies and Mexican bodies. Names are resolved against the
// cartels and actors already read, so these are read last.
#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

/// `[[CJNG, Sinaloa, 7], ...]`: unordered cartel pairs with a weight >= 0. A pair listed twice
/// or a cartel paired with itself is reported. Appends to `pairs`.
void read_cartel_pairs(const sim::ConfigNode& list, const WorldDefinition& world,
                       std::vector<CartelPair>& pairs);

/// Trust edges: every US agency -> every Mexican body with the `us_to_mx` prior, then every
/// Mexican body -> every US agency with `mx_to_us` (Beta(1, 1) where a prior is not given),
/// then `pairs` override an edge or add one (e.g. between two US agencies).
std::vector<TrustEdge> read_trust(const sim::ConfigNode* node, const WorldDefinition& world);

/// Coordination channels: every US agency with every Mexican body at `default`, then `pairs`
/// override single channels.
std::vector<CoordinationEdge> read_coordination(const sim::ConfigNode* node,
                                                const WorldDefinition& world);

}  // namespace seccoop::agents
