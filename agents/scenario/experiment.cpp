#include "agents/scenario/experiment.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <limits>

#include "agents/world/resolved_world.hpp"
#include "sim/experiment/sweep_config.hpp"

namespace seccoop::agents {

namespace {

constexpr double kMaxReplications = 1e7;

std::optional<Scenario> load_scenario_file(const std::filesystem::path& file,
                                           sim::Diagnostics& diagnostics) {
  const auto document = sim::YamlDocument::load_file(file, diagnostics);
  const auto root = document.root();
  if (!root) return std::nullopt;
  return read_scenario(*root, file);
}

void read_experiment_keys(const sim::ConfigNode& root, const std::filesystem::path& file,
                          Experiment& experiment, sim::Diagnostics& diagnostics) {
  root.check_keys({"schema_version", "name", "description", "scenarios", "replications", "seed",
                   "outputs", "sweep"});
  if (const auto version = root.require("schema_version")) {
    version->integer(kScenarioSchemaVersion, {kScenarioSchemaVersion, kScenarioSchemaVersion});
  }
  if (const auto name = root.require("name")) experiment.name = name->text("unnamed");
  if (const auto replications = root.find("replications")) {
    experiment.replications = static_cast<std::uint32_t>(replications->integer(1, {1, kMaxReplications}));
  }
  if (const auto seed = root.find("seed")) {
    experiment.seed = static_cast<std::uint64_t>(
        seed->integer(static_cast<std::int64_t>(kDefaultSeed),
                      {0, static_cast<double>(std::numeric_limits<std::int64_t>::max())}));
  }
  const auto scenarios = root.require("scenarios");
  if (!scenarios) return;
  const auto items = scenarios->items();
  if (items.empty() && scenarios->is_sequence()) scenarios->report("no scenarios", "at least one scenario file");
  for (const auto& item : items) {
    if (item.is_mapping()) {  // an inline scenario, as in a resolved experiment
      experiment.scenarios.push_back(read_scenario(item, file));
      continue;
    }
    const std::filesystem::path path = item.text();
    const std::filesystem::path resolved = path.is_absolute() ? path : file.parent_path() / path;
    sim::Diagnostics scenario_diagnostics;
    auto scenario = load_scenario_file(resolved, scenario_diagnostics);
    for (auto diagnostic : scenario_diagnostics.items()) {
      if (diagnostic.where.line == 0) {  // the file itself is missing: point at the reference
        diagnostic.where = item.location();
        diagnostic.key = item.key_path();
        diagnostic.found = "\"" + resolved.string() + "\"";
      }
      diagnostics.add(diagnostic);
    }
    if (scenario) experiment.scenarios.push_back(std::move(*scenario));
  }
}

void apply_overrides(const ExperimentOverrides& overrides, Experiment& experiment,
                     sim::Diagnostics& diagnostics) {
  if (overrides.replications) experiment.replications = *overrides.replications;
  if (overrides.seed) experiment.seed = *overrides.seed;
  for (const auto& setting : overrides.parameter_settings) {
    const sim::SourceLocation origin{.file = "--set " + setting};
    const auto equals = setting.find('=');
    if (equals == std::string::npos) {
      diagnostics.add(sim::Diagnostic{.where = origin,
                                      .message = "malformed override",
                                      .expected = "path=value",
                                      .found = "\"" + setting + "\""});
      continue;
    }
    const std::string path = setting.substr(0, equals);
    const std::string value = setting.substr(equals + 1);
    for (auto& scenario : experiment.scenarios) {
      if (!scenario.parameters.set_from_text(path, value, diagnostics, origin)) break;
    }
  }
}

/// Runs are indexed by 64-bit numbers but a results file of more than ~4 billion rows is not a
/// plan anyone means: refuse it before anything is written.
void check_sweep_size(const sim::ConfigNode& sweep, const Experiment& experiment) {
  if (!experiment.sweep) return;
  const double runs = static_cast<double>(experiment.scenarios.size()) *
                      static_cast<double>(experiment.sweep->point_count()) * experiment.replications;
  constexpr double kMaxRuns = 4e9;
  if (runs > kMaxRuns) {
    sweep.report("too many runs", fmt::format("at most {:g} runs (scenarios x points x replications)", kMaxRuns),
                 fmt::format("{:g}", runs));
  }
}

/// The experiment in `document` (read from `file`, or from text standing for it).
Experiment read_experiment(const sim::YamlDocument& document, const std::filesystem::path& file,
                           const ExperimentOverrides& overrides, sim::Diagnostics& diagnostics) {
  Experiment experiment{.file = file, .seed = kDefaultSeed};
  if (const auto root = document.root()) {
    if (root->find("scenarios")) {
      read_experiment_keys(*root, file, experiment, diagnostics);
      if (const auto outputs = root->find("outputs")) {  // after the scenarios: needs horizons
        int longest = 0;
        for (const auto& scenario : experiment.scenarios) {
          longest = std::max(longest, scenario.weeks);
        }
        experiment.outputs = read_output_selection(*outputs, static_cast<std::size_t>(longest));
      }
      if (const auto sweep = root->find("sweep")) {
        experiment.sweep = sim::read_sweep(*sweep, *model_parameter_table(), experiment.seed);
        experiment.sweep_yaml = YAML::Dump(sweep->yaml());
        check_sweep_size(*sweep, experiment);
      }
    } else {
      experiment.scenarios.push_back(read_scenario(*root, file));
      experiment.name = experiment.scenarios.back().name;
    }
  }
  apply_overrides(overrides, experiment, diagnostics);
  diagnostics.throw_if_any();
  return experiment;
}

}  // namespace

Experiment load_experiment(const std::filesystem::path& file, const ExperimentOverrides& overrides) {
  sim::Diagnostics diagnostics;
  const auto document = sim::YamlDocument::load_file(file, diagnostics);
  return read_experiment(document, file, overrides, diagnostics);
}

Experiment load_experiment_text(const std::string& text, const std::filesystem::path& file,
                                const ExperimentOverrides& overrides) {
  sim::Diagnostics diagnostics;
  const auto document = sim::YamlDocument::load_text(text, file.string(), diagnostics);
  return read_experiment(document, file, overrides, diagnostics);
}

namespace {

void emit_parameters(YAML::Emitter& out, const sim::ParameterValues& values) {
  // Nested by the dotted path's first component, which is how scenario files are written.
  out << YAML::Key << "parameters" << YAML::Value << YAML::BeginMap;
  std::string open_group;
  for (std::size_t i = 0; i < values.table().size(); ++i) {
    const std::string& path = values.table().spec(i).path;
    const auto dot = path.find('.');
    const std::string group = path.substr(0, dot);
    if (group != open_group) {
      if (!open_group.empty()) out << YAML::EndMap;
      out << YAML::Key << group << YAML::Value << YAML::BeginMap;
      open_group = group;
    }
    out << YAML::Key << path.substr(dot + 1) << YAML::Value << YAML::Precision(17) << values[i];
  }
  if (!open_group.empty()) out << YAML::EndMap;
  out << YAML::EndMap;
}

}  // namespace

std::string resolved_yaml(const Experiment& experiment) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "schema_version" << YAML::Value << kScenarioSchemaVersion;
  out << YAML::Key << "name" << YAML::Value << experiment.name;
  out << YAML::Key << "replications" << YAML::Value << experiment.replications;
  out << YAML::Key << "seed" << YAML::Value << experiment.seed;
  out << YAML::Key << "scenarios" << YAML::Value << YAML::BeginSeq;
  for (const auto& scenario : experiment.scenarios) {
    out << YAML::BeginMap;
    out << YAML::Key << "schema_version" << YAML::Value << kScenarioSchemaVersion;
    out << YAML::Key << "name" << YAML::Value << scenario.name;
    out << YAML::Key << "description" << YAML::Value << scenario.description;
    out << YAML::Key << "start" << YAML::Value << scenario.start.iso();
    out << YAML::Key << "weeks" << YAML::Value << scenario.weeks;
    out << YAML::Key << "integration" << YAML::Value << to_string(scenario.integration);
    out << YAML::Key << "substeps" << YAML::Value << scenario.substeps;
    if (scenario.network) {
      out << YAML::Key << "network" << YAML::Value << YAML::BeginMap << YAML::Key << "source"
          << YAML::Value << "published" << YAML::Key << "directory" << YAML::Value
          << std::filesystem::absolute(scenario.network->directory).lexically_normal().string()
          << YAML::EndMap;
    }
    if (scenario.generator) {  // its settings: they rebuild the world, which can be huge
      emit_generated_world(out, *scenario.generator, *scenario.world);
    } else if (scenario.world) {  // in full, so that the results file alone reproduces the run
      out << YAML::Key << "world" << YAML::Value
          << YAML::Comment("read from " + scenario.world_file.string());
      emit_world(out, *scenario.world);
    }
    out << YAML::Key << "events" << YAML::Value;
    emit_events(out, scenario.events, scenario.world.get(), scenario.parameters.table());
    emit_parameters(out, scenario.parameters);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  emit_output_selection(out, experiment.outputs);
  if (experiment.sweep) out << YAML::Key << "sweep" << YAML::Value << YAML::Load(experiment.sweep_yaml);
  out << YAML::EndMap;
  return out.c_str();
}

}  // namespace seccoop::agents
