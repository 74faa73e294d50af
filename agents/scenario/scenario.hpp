#pragma once
// A scenario: when it starts, how long it runs, how the world is built and which parameter
// values differ from the defaults. Parsed from YAML into this typed struct in one place.
#include <filesystem>
#include <memory>
#include <string>

#include "sim/config/config_node.hpp"
#include "sim/config/parameters.hpp"
#include "sim/time/calendar.hpp"

namespace seccoop::agents {

enum class IntegrationMode { expected, stochastic };

struct NetworkSource {
  /// Folder holding BACRIM2020_{Nodes,Rivals,Alliances}.csv (the published format).
  std::filesystem::path directory;
};

struct Scenario {
  std::string name;
  std::string description;
  std::filesystem::path file;
  sim::Date start;
  int weeks = 0;
  IntegrationMode integration = IntegrationMode::expected;
  int substeps = 1;
  NetworkSource network;
  sim::ParameterValues parameters;
};

/// The table of every model parameter with its defaults (built once).
std::shared_ptr<const sim::ParameterTable> model_parameter_table();

inline constexpr int kScenarioSchemaVersion = 1;

/// Reads a scenario mapping; problems go to the node's diagnostics. Relative paths in the file
/// are resolved against the file's folder.
Scenario read_scenario(const sim::ConfigNode& root, const std::filesystem::path& file);

std::string to_string(IntegrationMode mode);

}  // namespace seccoop::agents
