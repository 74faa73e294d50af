#pragma once
// The keys of one scenario file, applied on top of what the files it extends have set.
// scenario.cpp walks the `extends` chain; this applies one link of it.
#include <filesystem>
#include <string>
#include <vector>

#include "agents/scenario/scenario.hpp"

namespace seccoop::agents {

/// Which required keys one file gave.
struct LayerKeys {
  bool name = false;
  bool start = false;
  bool weeks = false;
  bool source = false;  // world or network
};

/// Every key a scenario file may hold.
const std::vector<std::string>& scenario_keys();

/// Applies the keys of `root` (all but `extends`) to `scenario`: present keys override, `events`
/// are appended to `scenario.written_events`, `parameters` merge per key, and `actors` /
/// `governments` override the world's definitions. Paths are relative to `file`'s folder.
LayerKeys apply_scenario_keys(const sim::ConfigNode& root, const std::filesystem::path& file,
                              Scenario& scenario);

/// Resolves `scenario.written_events` against the scenario's start, horizon, world and
/// parameter table, appending to `scenario.events`.
void resolve_written_events(sim::Diagnostics& diagnostics, Scenario& scenario);

}  // namespace seccoop::agents
