#pragma once
// A scenario: when it starts, how long it runs, how the world is built and which parameter
// values differ from the defaults. Parsed from YAML into this typed struct in one place.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/world/scheduled_event.hpp"
#include "agents/world/world_definition.hpp"
#include "agents/world/world_generator.hpp"
#include "sim/config/config_node.hpp"
#include "sim/config/parameters.hpp"
#include "sim/time/calendar.hpp"

namespace seccoop::agents {

enum class IntegrationMode { expected, stochastic };

struct NetworkSource {
  /// Folder holding BACRIM2020_{Nodes,Rivals,Alliances}.csv (the published format).
  std::filesystem::path directory;
};

/// An event as written in one file of an `extends` chain. Kept unresolved so that a child's
/// start, horizon and world also apply to the events its parents list.
struct WrittenEvent {
  YAML::Node yaml;
  std::string file;
  std::string key_path;
};

/// Exactly one of `network` and `world` is set; `generator` is set too when the world was
/// generated rather than read.
struct Scenario {
  std::string name;
  std::string description;
  std::filesystem::path file;
  sim::Date start;
  int weeks = 0;
  IntegrationMode integration = IntegrationMode::expected;
  int substeps = 1;
  std::optional<NetworkSource> network;          // core-only: the published network
  std::shared_ptr<const WorldDefinition> world;  // the full model's world
  std::filesystem::path world_file;              // where `world` was read (this file if inline)
  std::optional<GeneratorSettings> generator;    // what `world` was generated from, if it was
  std::vector<ScheduledEvent> events;            // parents' events first, in file order
  sim::ParameterValues parameters;
  std::vector<WrittenEvent> written_events;  // `events` as written, for files extending this
};

/// The table of every model parameter with its defaults (built once).
std::shared_ptr<const sim::ParameterTable> model_parameter_table();

inline constexpr int kScenarioSchemaVersion = 1;

/// Reads a scenario mapping; problems go to the node's diagnostics. Relative paths in the file
/// are resolved against the file's folder. With `extends: parent.yaml` the parent is read first
/// (recursively) and this file's keys apply on top of it.
Scenario read_scenario(const sim::ConfigNode& root, const std::filesystem::path& file);

/// Reads `root` on top of `base`: every key present overrides, absent keys keep the base's
/// values, `events` are appended after the base's and `parameters` merge per key (this file
/// wins). The base's events are resolved again against the resulting start, horizon and world.
Scenario read_scenario(const sim::ConfigNode& root, const std::filesystem::path& file,
                       Scenario base);

std::string to_string(IntegrationMode mode);

}  // namespace seccoop::agents
