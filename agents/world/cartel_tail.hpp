#pragma once
// The tail of small local groups that makes up the members the named cartels leave over.
// The published model sizes all 150 groups by rank^-1; the tail continues that law after the
// named cartels, so a world file names the groups that matter and still starts with a
// realistic number of small ones. Placement and relations are drawn deterministically from
// the tail's own seed, never from a run's seed: every run of a scenario sees the same world.
#include <cstddef>
#include <cstdint>

#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

struct TailSpec {
  std::size_t count = 0;
  std::uint64_t seed = 0;
  double cohesion = 1.0;
  double corruption_reach = 0.0;
  double fentanyl_share = 0.0;  // of all production, split among the tail by size
  // Chances that a group fights, or else allies with, a named cartel present in its main
  // region (each present one equally likely); and that it fights, or else allies with, the
  // previous local group of that region. In the core model alliances divide a group's base
  // conflict with everyone, so these set the world's violence: the default world calibrates
  // them (configs/world/mexico-2025.yaml).
  double rivalry_probability = 0.35;
  double alliance_probability = 0.35;
  double local_rivalry_probability = 0.15;
  double local_alliance_probability = 0.0;
  double tie_weight = 1.0;  // weight of each of those rivalries and alliances
};

TailSpec read_tail(const sim::ConfigNode& node);

/// Appends `spec.count` groups named "Local group 1".. sharing `members` members to `world`,
/// each present in one region drawn by population or, half of the time, also in a
/// neighbouring one; and adds their rivalries and alliances (weight `spec.tie_weight`).
void add_tail(const TailSpec& spec, double members, WorldDefinition& world);

}  // namespace seccoop::agents
