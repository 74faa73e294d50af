#pragma once
// The named cartels of a world file. Sizes are written either as a share of the world's
// `total_members` (as published shares are) or as members; shares become members once the
// world's total is known (world_reader.cpp).
#include <optional>
#include <vector>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

struct CartelEntry {
  CartelDefinition cartel;                   // initial_members set when given as `members`
  std::optional<double> share;               // of total_members, when given as `share`
  std::optional<sim::ConfigNode> size_node;  // where the size is written, for messages
  std::optional<sim::ConfigNode> name_node;
};

/// Reads the `cartels:` list. Presence weights are normalised to sum to 1 (weights that
/// already sum to 1 within 1e-12 are kept exactly, so a resolved world reads back unchanged).
std::vector<CartelEntry> read_cartels(const sim::ConfigNode& list, const Regions& regions);

/// Presence weights keyed by region code, normalised.
std::vector<Presence> read_presence(const sim::ConfigNode& node, const Regions& regions);

}  // namespace seccoop::agents
