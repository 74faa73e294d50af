#include "agents/scenario/scenario.hpp"

#include "agents/cartel/core_parameters.hpp"

namespace seccoop::agents {

std::shared_ptr<const sim::ParameterTable> model_parameter_table() {
  static const std::shared_ptr<const sim::ParameterTable> kTable = [] {
    auto table = std::make_shared<sim::ParameterTable>();
    declare_core_parameters(*table);
    return table;
  }();
  return kTable;
}

std::string to_string(IntegrationMode mode) {
  return mode == IntegrationMode::expected ? "expected" : "stochastic";
}

namespace {

void read_schema_version(const sim::ConfigNode& root) {
  if (const auto version = root.require("schema_version")) {
    version->integer(kScenarioSchemaVersion,
                     {static_cast<double>(kScenarioSchemaVersion),
                      static_cast<double>(kScenarioSchemaVersion)});
  }
}

sim::Date read_date(const sim::ConfigNode& node) {
  const std::string text = node.text();
  if (const auto date = sim::Date::parse_iso(text)) return *date;
  node.report("not a calendar date", "an ISO date YYYY-MM-DD", "\"" + text + "\"");
  return {};
}

NetworkSource read_network(const sim::ConfigNode& node, const std::filesystem::path& file) {
  NetworkSource network;
  node.check_keys({"source", "directory"});
  if (const auto source = node.require("source")) source->choice({"published"}, "published");
  if (const auto directory = node.require("directory")) {
    const std::filesystem::path path = directory->text();
    network.directory = path.is_absolute() ? path : file.parent_path() / path;
  }
  return network;
}

}  // namespace

Scenario read_scenario(const sim::ConfigNode& root, const std::filesystem::path& file) {
  Scenario scenario{.file = file, .parameters = sim::ParameterValues(model_parameter_table())};
  root.check_keys({"schema_version", "name", "description", "start", "weeks", "integration",
                   "substeps", "network", "parameters"});
  read_schema_version(root);
  if (const auto name = root.require("name")) scenario.name = name->text("unnamed");
  if (const auto description = root.find("description")) scenario.description = description->text();
  if (const auto start = root.require("start")) scenario.start = read_date(*start);
  if (const auto weeks = root.require("weeks")) {
    scenario.weeks = static_cast<int>(weeks->integer(1, {1, 100000}));
  }
  if (const auto integration = root.find("integration")) {
    scenario.integration = integration->choice({"expected", "stochastic"}, "expected") == "stochastic"
                               ? IntegrationMode::stochastic
                               : IntegrationMode::expected;
  }
  if (const auto substeps = root.find("substeps")) {
    scenario.substeps = static_cast<int>(substeps->integer(1, {1, 1000}));
  }
  if (const auto network = root.require("network")) scenario.network = read_network(*network, file);
  if (const auto parameters = root.find("parameters")) scenario.parameters.read_yaml(*parameters);
  return scenario;
}

}  // namespace seccoop::agents
