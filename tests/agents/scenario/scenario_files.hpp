#pragma once
// Scenario files written to a temporary folder beside a small world file, read as the
// program reads them.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "agents/scenario/scenario.hpp"
#include "tests/agents/world/world_test_support.hpp"
#include "tests/support/command.hpp"

namespace seccoop::testing {

class ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override { write("world.yaml", small_world_yaml()); }

  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }

  /// Reads the scenario file `name`; its problems are in `problems()`.
  agents::Scenario read(const std::string& name) {
    diagnostics_ = std::make_unique<sim::Diagnostics>();
    const auto path = dir_ / name;
    const auto document = sim::YamlDocument::load_file(path, *diagnostics_);
    return agents::read_scenario(*document.root(), path);
  }

  [[nodiscard]] std::string problems() const {
    std::string text;
    for (const auto& d : diagnostics_->items()) text += d.to_string() + "\n";
    return text;
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (dir_ / name).string(); }

  /// A complete scenario over the small world.
  static std::string parent_text() {
    return "schema_version: 1\n"
           "name: parent\n"
           "description: the parent\n"
           "start: 2025-01-20\n"
           "weeks: 104\n"
           "integration: stochastic\n"
           "world: world.yaml\n"
           "events:\n"
           "  - {date: 2025-03-01, type: transfer, count: 29}\n"
           "parameters:\n"
           "  core:\n"
           "    recruitment_rate_per_week: 0.003\n"
           "    incapacitation_per_week: 100\n";
  }

  TempDir dir_;
  std::unique_ptr<sim::Diagnostics> diagnostics_;
};

}  // namespace seccoop::testing
