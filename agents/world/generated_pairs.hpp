#pragma once
// The rivalries and alliances of a generated world (world_generator.hpp): distinct cartel
// pairs, drawn in time and memory linear in the pairs asked for.
#include "agents/world/world_definition.hpp"
#include "agents/world/world_generator.hpp"

namespace seccoop::agents::detail {

/// Stream purposes of the generator, one per kind of draw, so that no two uses share draws.
enum GeneratorPurpose : std::uint64_t {
  kRegionPopulationDraws = 1,
  kRegionChordDraws = 2,
  kCartelTraitDraws = 3,
  kCartelPresenceDraws = 4,
  kActorTraitDraws = 5,
  kTrustDraws = 6,
  kCoordinationDraws = 7,
  kPairDraws = 8,
};

/// Fills `world.rivalries` and `world.alliances` with `settings.rivalries` and
/// `settings.alliances` distinct pairs (no pair in both lists), given the world's cartels and
/// their presence.
void add_generated_pairs(const GeneratorSettings& settings, WorldDefinition& world);

}  // namespace seccoop::agents::detail
