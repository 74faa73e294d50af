#pragma once
// Reads a world (regions, cartels, state actors, governments and their relations) from YAML:
// a world file such as configs/world/mexico-2025.yaml, or the same mapping written inline in a
// resolved scenario. The format is documented in docs/configuration.md.
#include <filesystem>
#include <optional>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

inline constexpr int kWorldSchemaVersion = 1;

/// Reads a world mapping; problems go to the node's diagnostics. Relative paths (the regions
/// CSV) are resolved against the folder of `file`.
WorldDefinition read_world(const sim::ConfigNode& root, const std::filesystem::path& file);

/// Reads a world file; nullopt when it cannot be read or parsed (reported into `diagnostics`).
std::optional<WorldDefinition> read_world_file(const std::filesystem::path& file,
                                               sim::Diagnostics& diagnostics);

}  // namespace seccoop::agents
