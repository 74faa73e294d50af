#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "agents/scenario/experiment.hpp"
#include "app/commands/commands.hpp"

namespace seccoop::app {

namespace {

namespace fs = std::filesystem;

struct ShippedScenario {
  std::string name;
  std::string description;
  fs::path file;
};

/// Every scenario file of `directory`, read (and so validated) as `seccoop run` would.
std::vector<ShippedScenario> shipped_scenarios(const fs::path& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    throw sim::UserError(fmt::format(
        "{}: no scenario folder (set SECCOOP_CONFIG_DIR to the configs/ folder of seccoop)",
        directory.string()));
  }
  std::vector<ShippedScenario> scenarios;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() != ".yaml") continue;
    try {
      const auto experiment = agents::load_experiment(entry.path(), {});
      for (const auto& scenario : experiment.scenarios) {
        scenarios.push_back({scenario.name, scenario.description, entry.path()});
      }
    } catch (const sim::UserError& problem) {
      scenarios.push_back(
          {entry.path().stem().string(),
           "(does not validate: see `seccoop validate " + entry.path().string() + "`)",
           entry.path()});
    }
  }
  std::ranges::sort(scenarios, {}, &ShippedScenario::file);
  return scenarios;
}

}  // namespace

void add_scenarios_command(CLI::App& cli, CommandAction& action) {
  auto* command = cli.add_subcommand("scenarios", "List the shipped scenarios (configs/scenarios)");
  command->callback([&action] {
    action = [] {
      const fs::path directory = fs::path(config_directory()) / "scenarios";
      const auto scenarios = shipped_scenarios(directory);
      std::size_t width = 4;
      for (const auto& scenario : scenarios) width = std::max(width, scenario.name.size());
      fmt::print("{:<{}}  {}\n", "name", width, "description");
      for (const auto& scenario : scenarios) {
        // Files are normally named after their scenario; say so when one is not.
        const std::string file = scenario.file.stem() == scenario.name
                                     ? std::string()
                                     : " (file " + scenario.file.filename().string() + ")";
        fmt::print("{:<{}}  {}{}\n", scenario.name, width, scenario.description, file);
      }
      fmt::print("{} scenario{} in {}; run one with `seccoop run {}/NAME.yaml`\n", scenarios.size(),
                 scenarios.size() == 1 ? "" : "s", directory.string(), directory.string());
      return 0;
    };
  });
}

}  // namespace seccoop::app
