#include "agents/scenario/scenario_layers.hpp"

#include "agents/world/actor_reader.hpp"
#include "agents/world/event_reader.hpp"
#include "agents/world/world_generator.hpp"
#include "agents/world/world_reader.hpp"

namespace seccoop::agents {

namespace {

void read_schema_version(const sim::ConfigNode& root) {
  if (const auto version = root.require("schema_version")) {
    version->integer(kScenarioSchemaVersion, {static_cast<double>(kScenarioSchemaVersion),
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

/// A world file named by `world: path`, or a world written inline (as a resolved scenario
/// writes it). Problems with the file as a whole are reported at the `world` key.
void read_world_key(const sim::ConfigNode& node, const std::filesystem::path& file,
                    Scenario& scenario) {
  if (node.is_mapping()) {
    scenario.world = std::make_shared<const WorldDefinition>(read_world(node, file));
    scenario.world_file = file;
    return;
  }
  if (!node.is_scalar() || node.text().empty()) {
    node.report("wrong type", "a path to a world file, or a world mapping",
                node.is_sequence() ? "a list" : "nothing");
    return;
  }
  const std::filesystem::path written = node.text();
  const auto path =
      (written.is_absolute() ? written : file.parent_path() / written).lexically_normal();
  sim::Diagnostics world_diagnostics;
  auto world = read_world_file(path, world_diagnostics);
  for (auto diagnostic : world_diagnostics.items()) {
    if (diagnostic.where.line == 0 && diagnostic.where.file == path.string()) {
      node.report(
          diagnostic.message == "file not found" ? "world file not found" : diagnostic.message,
          "a world file", "\"" + path.string() + "\"");
      continue;
    }
    node.diagnostics().add(std::move(diagnostic));
  }
  scenario.world = world ? std::make_shared<const WorldDefinition>(std::move(*world)) : nullptr;
  scenario.world_file = path;
}

/// A synthetic world built from a `generator:` block (world_generator.hpp); none when the
/// block has problems (they are reported).
void read_generator_key(const sim::ConfigNode& node, const std::filesystem::path& file,
                        Scenario& scenario) {
  scenario.generator = read_generator_settings(node);
  scenario.world = scenario.generator ? generate_world(*scenario.generator) : nullptr;
  scenario.world_file = file;
}

/// Reports a file that gives more than one world source; true if it does.
bool report_several_sources(const std::optional<sim::ConfigNode>& network,
                            const std::optional<sim::ConfigNode>& world,
                            const std::optional<sim::ConfigNode>& generator) {
  if (network && world && generator) {
    generator->report("give only one of world, network and generator",
                      "one of world, network, generator", "all three");
  } else if (network && world) {
    world->report("give either world or network, not both", "one of world, network", "both");
  } else if (generator && (world || network)) {
    generator->report(world ? "give either world or generator, not both"
                            : "give either network or generator, not both",
                      world ? "one of world, generator" : "one of network, generator", "both");
  } else {
    return false;
  }
  return true;
}

void read_source(const sim::ConfigNode& root, const std::filesystem::path& file, Scenario& scenario,
                 LayerKeys& keys) {
  const auto network = root.find("network");
  const auto world = root.find("world");
  const auto generator = root.find("generator");
  keys.source = network.has_value() || world.has_value() || generator.has_value();
  if (report_several_sources(network, world, generator)) return;
  if (network) {
    scenario.network = read_network(*network, file);
    scenario.world.reset();
    scenario.world_file.clear();
    scenario.generator.reset();
  } else if (world) {
    scenario.network.reset();
    scenario.generator.reset();
    read_world_key(*world, file, scenario);
  } else if (generator) {
    scenario.network.reset();
    read_generator_key(*generator, file, scenario);
  }
}

/// `actors:` and `governments:` merged over the world's definitions.
void read_world_overrides(const sim::ConfigNode& root, Scenario& scenario) {
  const auto actors = root.find("actors");
  const auto governments = root.find("governments");
  if (!actors && !governments) return;
  if (!scenario.world) {
    const auto& node = actors ? *actors : *governments;
    if (!scenario.network) return;  // the world could not be read: already reported
    node.report("overrides need a world", "a scenario with `world:`", "a `network:` scenario");
    return;
  }
  auto world = std::make_shared<WorldDefinition>(*scenario.world);
  if (actors) apply_actor_overrides(*actors, *world);
  if (governments) read_governments(*governments, world->governments, false);
  scenario.world = std::move(world);
}

}  // namespace

const std::vector<std::string>& scenario_keys() {
  static const std::vector<std::string> kKeys = {
      "schema_version", "extends",     "name",        "description", "start",
      "weeks",          "integration", "substeps",    "network",     "world",
      "generator",      "actors",      "governments", "events",      "parameters"};
  return kKeys;
}

LayerKeys apply_scenario_keys(const sim::ConfigNode& root, const std::filesystem::path& file,
                              Scenario& scenario) {
  LayerKeys keys;
  root.check_keys(scenario_keys());
  read_schema_version(root);
  if (const auto name = root.find("name")) {
    scenario.name = name->text("unnamed");
    keys.name = true;
  }
  if (const auto description = root.find("description")) scenario.description = description->text();
  if (const auto start = root.find("start")) {
    scenario.start = read_date(*start);
    keys.start = true;
  }
  if (const auto weeks = root.find("weeks")) {
    scenario.weeks = static_cast<int>(weeks->integer(1, {1, 100000}));
    keys.weeks = true;
  }
  if (const auto integration = root.find("integration")) {
    scenario.integration =
        integration->choice({"expected", "stochastic"}, "expected") == "stochastic"
            ? IntegrationMode::stochastic
            : IntegrationMode::expected;
  }
  if (const auto substeps = root.find("substeps")) {
    scenario.substeps = static_cast<int>(substeps->integer(1, {1, 1000}));
  }
  read_source(root, file, scenario, keys);
  read_world_overrides(root, scenario);
  if (const auto events = root.find("events")) {
    for (const auto& item : events->items()) {
      scenario.written_events.push_back(
          WrittenEvent{.yaml = item.yaml(), .file = item.file(), .key_path = item.key_path()});
    }
  }
  if (const auto parameters = root.find("parameters")) scenario.parameters.read_yaml(*parameters);
  return keys;
}

void resolve_written_events(sim::Diagnostics& diagnostics, Scenario& scenario) {
  const EventContext context{.start = scenario.start,
                             .weeks = scenario.weeks,
                             .world = scenario.world.get(),
                             .parameters = &scenario.parameters.table()};
  for (const auto& written : scenario.written_events) {
    const sim::ConfigNode node(written.yaml, written.key_path,
                               std::make_shared<const std::string>(written.file), &diagnostics);
    if (auto event = read_event(node, context)) scenario.events.push_back(std::move(*event));
  }
}

}  // namespace seccoop::agents
