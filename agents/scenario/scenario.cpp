#include "agents/scenario/scenario.hpp"

#include <algorithm>

#include "agents/cartel/core_parameters.hpp"
#include "agents/model/model_parameters.hpp"
#include "agents/scenario/scenario_layers.hpp"

namespace seccoop::agents {

std::shared_ptr<const sim::ParameterTable> model_parameter_table() {
  static const std::shared_ptr<const sim::ParameterTable> kTable = [] {
    auto table = std::make_shared<sim::ParameterTable>();
    declare_core_parameters(*table);
    declare_model_parameters(*table);
    return table;
  }();
  return kTable;
}

std::string to_string(IntegrationMode mode) {
  return mode == IntegrationMode::expected ? "expected" : "stochastic";
}

namespace {

/// Which required keys some file of the chain has given so far.
using RequiredKeys = LayerKeys;

/// The canonical form of a path, for recognising a file reached twice.
std::filesystem::path identity(const std::filesystem::path& file) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(file, error);
  return error ? file.lexically_normal() : canonical;
}

std::string chain_text(const std::vector<std::filesystem::path>& chain, std::size_t from,
                       const std::filesystem::path& again) {
  std::string text;
  for (std::size_t i = from; i < chain.size(); ++i) text += chain[i].filename().string() + " -> ";
  return text + again.filename().string();
}

void apply_file(const sim::ConfigNode& root, const std::filesystem::path& file, Scenario& scenario,
                RequiredKeys& given, std::vector<std::filesystem::path>& chain);

/// Reads the file named by `extends` (and its own parents) into `scenario`.
void apply_parent(const sim::ConfigNode& extends, const std::filesystem::path& file,
                  Scenario& scenario, RequiredKeys& given,
                  std::vector<std::filesystem::path>& chain) {
  if (!extends.is_scalar() || extends.text().empty()) {
    extends.report("wrong type", "the path of a scenario file", "no path");
    return;
  }
  const std::filesystem::path written = extends.text();
  const auto parent =
      (written.is_absolute() ? written : file.parent_path() / written).lexically_normal();
  const auto parent_identity = identity(parent);
  const auto seen = std::find(chain.begin(), chain.end(), parent_identity);
  if (seen != chain.end()) {
    extends.report("circular extends: " +
                       chain_text(chain, static_cast<std::size_t>(seen - chain.begin()), parent),
                   "a chain of scenario files that ends", "a file that extends itself");
    return;
  }
  std::error_code error;
  if (!std::filesystem::is_regular_file(parent, error)) {
    extends.report("extended scenario not found", "a scenario file", "\"" + parent.string() + "\"");
    return;
  }
  const auto document = sim::YamlDocument::load_file(parent, extends.diagnostics());
  const auto parent_root = document.root();
  if (!parent_root) return;
  chain.push_back(parent_identity);
  apply_file(*parent_root, parent, scenario, given, chain);
  chain.pop_back();
}

void apply_file(const sim::ConfigNode& root, const std::filesystem::path& file, Scenario& scenario,
                RequiredKeys& given, std::vector<std::filesystem::path>& chain) {
  if (!root.expect_mapping()) return;
  if (const auto extends = root.find("extends")) {
    apply_parent(*extends, file, scenario, given, chain);
  }
  const LayerKeys keys = apply_scenario_keys(root, file, scenario);
  given.name = given.name || keys.name;
  given.start = given.start || keys.start;
  given.weeks = given.weeks || keys.weeks;
  given.source = given.source || keys.source;
}

void report_missing(const sim::ConfigNode& root, const RequiredKeys& given) {
  const auto missing = [&root](bool present, const char* key, const char* expected) {
    if (present) return;
    root.diagnostics().add(sim::Diagnostic{.where = root.location(),
                                           .key = key,
                                           .message = "missing required key",
                                           .expected = expected});
  };
  missing(given.name, "name", "in this file or a file it extends");
  missing(given.start, "start", "in this file or a file it extends");
  missing(given.weeks, "weeks", "in this file or a file it extends");
  missing(given.source, "world", "world: a world file, or network: the published network");
}

Scenario finish(const sim::ConfigNode& root, const std::filesystem::path& file, Scenario scenario,
                const RequiredKeys& given) {
  report_missing(root, given);
  scenario.file = file;
  scenario.events.clear();
  // Without a start, a horizon or a readable world the events cannot be placed or named, and
  // that problem is already reported.
  const bool has_source = scenario.world != nullptr || scenario.network.has_value();
  if (given.start && given.weeks && has_source)
    resolve_written_events(root.diagnostics(), scenario);
  return scenario;
}

}  // namespace

Scenario read_scenario(const sim::ConfigNode& root, const std::filesystem::path& file) {
  Scenario scenario{.file = file, .parameters = sim::ParameterValues(model_parameter_table())};
  RequiredKeys given;
  std::vector<std::filesystem::path> chain{identity(file)};
  apply_file(root, file, scenario, given, chain);
  return finish(root, file, std::move(scenario), given);
}

Scenario read_scenario(const sim::ConfigNode& root, const std::filesystem::path& file,
                       Scenario base) {
  RequiredKeys given{.name = !base.name.empty(),
                     .start = base.weeks > 0,
                     .weeks = base.weeks > 0,
                     .source = base.network.has_value() || base.world != nullptr};
  std::vector<std::filesystem::path> chain{identity(file)};
  apply_file(root, file, base, given, chain);
  return finish(root, file, std::move(base), given);
}

}  // namespace seccoop::agents
