#pragma once
// Synthetic worlds of any size for sweeps and benchmarks (MODEL.md section 9): a scenario's
// `generator:` block, or a benchmark, names a seed and the sizes, and generate_world builds
// the same WorldDefinition a world file would give. The rules are in docs/configuration.md
// ("Generated worlds"). Every draw comes from the block's own seed through the engine's
// counter-based streams, so the world depends on the settings alone: not on a run's seed,
// the thread count or the order of anything else. Time and memory are linear in cartels,
// regions and edges.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

/// The sizes of a generated world. The defaults are a valid world of the published network's
/// size (150 groups, 115,000 members in 2012) over Mexico's 32 states, without ties.
struct GeneratorSettings {
  std::uint64_t seed = 0;
  std::uint64_t cartels = 150;            // named "G1".."Gn", largest first
  std::uint64_t total_members = 115000;   // whole members, split by rank^-1 (at least 1 each)
  std::uint64_t regions = 32;             // named "R0001"..
  std::uint64_t presence_per_cartel = 1;  // at most regions
  std::uint64_t rivalries = 0;            // undirected cartel pairs
  std::uint64_t alliances = 0;            // undirected cartel pairs, none of them rivals
  std::uint64_t us_agencies = 6;          // "US1".. ("US1" can strike)
  std::uint64_t mx_bodies = 6;            // "MX1"..
  std::uint64_t fentanyl_cartels = 20;    // the largest n (at most cartels) share fentanyl

  friend bool operator==(const GeneratorSettings&, const GeneratorSettings&) = default;
};

/// Builds the world `settings` describe. The settings must be valid (as
/// read_generator_settings checks them); an invalid one is an internal error.
std::shared_ptr<const WorldDefinition> generate_world(const GeneratorSettings& settings);

/// Reads a `generator:` mapping; nullopt when anything in it was reported into the node's
/// diagnostics (unknown keys with a did-you-mean, values out of range, sizes that do not fit
/// together).
std::optional<GeneratorSettings> read_generator_settings(const sim::ConfigNode& node);

/// Writes `settings` as a `generator:` mapping that read_generator_settings reads back equal.
void emit_generator_settings(YAML::Emitter& out, const GeneratorSettings& settings);

/// Writes a scenario's `generator:` key and then, as its `actors:` and `governments:`
/// overrides, every state actor and the governments of `world` in full (the scenario may have
/// changed them): reading the keys back gives `world` again. A resolved scenario stores this
/// instead of the world itself, which can hold millions of edges.
void emit_generated_world(YAML::Emitter& out, const GeneratorSettings& settings,
                          const WorldDefinition& world);

}  // namespace seccoop::agents
