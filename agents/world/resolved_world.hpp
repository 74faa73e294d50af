#pragma once
// A world and its events written back as YAML, in full, so that a results file alone
// reproduces a run: regions inline, cartels sized in members, the tail expanded, every trust
// and coordination edge listed, events by week. Reading the output back with read_world and
// read_event gives an equal WorldDefinition and equal events (except ScheduledEvent::source).
#include <yaml-cpp/yaml.h>

#include <vector>

#include "agents/world/scheduled_event.hpp"
#include "agents/world/world_definition.hpp"
#include "sim/config/parameters.hpp"

namespace seccoop::agents {

/// Writes the world as one YAML mapping (the value of a scenario's `world:` key).
void emit_world(YAML::Emitter& out, const WorldDefinition& world);

/// Writes the events as one YAML list (the value of a scenario's `events:` key). `world` may be
/// null for a scenario without one (then no event names an agent).
void emit_events(YAML::Emitter& out, const std::vector<ScheduledEvent>& events,
                 const WorldDefinition* world, const sim::ParameterTable& parameters);

}  // namespace seccoop::agents
