#pragma once
// Regions of a world: Mexico's federal entities in the default world, any list in a synthetic
// one. Read from the project's CSV format or from a YAML list (as a resolved scenario writes
// them), and checked the same way either way.
#include <filesystem>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

/// Columns of a regions CSV file; `neighbours` holds codes separated by ';'.
inline constexpr const char* kRegionColumns[] = {"code", "name", "population", "borders_us",
                                                 "neighbours"};

/// Reads `regions:`, either a path to a CSV file (relative to the folder of `file`) or a list
/// of mappings {code, name, population, borders_us, neighbours: [codes]}. Codes must be unique,
/// neighbours known and the neighbour relation symmetric.
Regions read_regions(const sim::ConfigNode& node, const std::filesystem::path& file);

}  // namespace seccoop::agents
