// A scenario's world: read from a world file or inline, overridden per scenario, and exclusive
// with the published network of core-only scenarios.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/agents/scenario/scenario_files.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

using ScenarioWorld = ScenarioFiles;

std::string header() { return "schema_version: 1\nname: s\nstart: 2025-01-20\nweeks: 10\n"; }

TEST_F(ScenarioWorld, ReadsTheWorldFileRelativeToTheScenario) {
  std::filesystem::create_directories(dir_ / "scenarios");
  write("scenarios/s.yaml", header() + "world: ../world.yaml\n");
  const auto scenario = read("scenarios/s.yaml");
  ASSERT_EQ(problems(), "");
  ASSERT_NE(scenario.world, nullptr);
  EXPECT_EQ(scenario.world->actors.size(), 3U);
  EXPECT_EQ(scenario.world_file, dir_ / "world.yaml");
}

TEST_F(ScenarioWorld, ExactlyOneOfWorldAndNetwork) {
  write("both.yaml", header() + "world: world.yaml\nnetwork: {source: published, directory: .}\n");
  read("both.yaml");
  EXPECT_EQ(problems(), file("both.yaml") +
                            ":5:8: key 'world': give either world or network, not both "
                            "(expected one of world, network, found both)\n");
}

TEST_F(ScenarioWorld, MissingWorldFileIsReportedAtTheKey) {
  write("s.yaml", header() + "world: nowhere.yaml\n");
  read("s.yaml");
  EXPECT_EQ(problems(), file("s.yaml") +
                            ":5:8: key 'world': world file not found (expected a world file, "
                            "found \"" +
                            file("nowhere.yaml") + "\")\n");
}

TEST_F(ScenarioWorld, AnEmptyWorldIsReported) {
  // yaml-cpp places an empty value at the next token, the start of line 6.
  write("s.yaml", header() + "world:\nevents:\n  - {week: 1, type: transfer, count: 1}\n");
  read("s.yaml");
  EXPECT_EQ(problems(), file("s.yaml") +
                            ":6:1: key 'world': wrong type (expected a path to a world "
                            "file, or a world mapping, found nothing)\n");
}

TEST_F(ScenarioWorld, ProblemsInTheWorldFilePointIntoIt) {
  write("bad-world.yaml", replaced(small_world_yaml(), "integrity: 0.85", "integrity: 2"));
  write("s.yaml", header() + "world: bad-world.yaml\n");
  read("s.yaml");
  EXPECT_NE(problems().find(file("bad-world.yaml") + ":16:"), std::string::npos) << problems();
  EXPECT_NE(problems().find("key 'actors[2].integrity': value out of range"), std::string::npos)
      << problems();
}

TEST_F(ScenarioWorld, ActorAndGovernmentOverridesApplyToThisScenarioOnly) {
  write("base.yaml", header() + "world: world.yaml\n");
  write("reform.yaml",
        "schema_version: 1\nextends: base.yaml\nname: reform\nactors:\n  SEMAR: {collection_rate: "
        "0.1}\n"
        "governments: {mx_stance: 0.2}\n");
  const auto base = read("base.yaml");
  const auto reform = read("reform.yaml");
  ASSERT_EQ(problems(), "");
  EXPECT_DOUBLE_EQ(reform.world->actors[2].collection_rate, 0.1);
  EXPECT_DOUBLE_EQ(reform.world->governments.mx_stance, 0.2);
  EXPECT_DOUBLE_EQ(reform.world->governments.us_pressure, 0.6);
  EXPECT_DOUBLE_EQ(base.world->actors[2].collection_rate, 0.04);
}

TEST_F(ScenarioWorld, OverrideProblemsAreReportedInTheScenario) {
  write(
      "s.yaml",
      header() +
          "world: world.yaml\nactors:\n  SEMAT: {capability: 1}\ngovernments: {us_pressure: 3}\n");
  read("s.yaml");
  EXPECT_NE(
      problems().find(file("s.yaml") +
                      ":7:3: key 'actors.SEMAT': unknown state actor (did you mean 'SEMAR'?)"),
      std::string::npos)
      << problems();
  EXPECT_NE(
      problems().find(file("s.yaml") + ":8:28: key 'governments.us_pressure': value out of range"),
      std::string::npos)
      << problems();
  write("net.yaml",
        header() + "network: {source: published, directory: .}\ngovernments: {us_pressure: 0.3}\n");
  read("net.yaml");
  EXPECT_NE(problems().find("key 'governments': overrides need a world"), std::string::npos)
      << problems();
}

TEST_F(ScenarioWorld, NetworkScenariosKeepWorking) {
  sim::Diagnostics diagnostics;
  const auto path = config_dir() / "scenarios" / "core-2012.yaml";
  const auto document = sim::YamlDocument::load_file(path, diagnostics);
  const auto scenario = agents::read_scenario(*document.root(), path);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_TRUE(scenario.network.has_value());
  EXPECT_EQ(scenario.world, nullptr);
  EXPECT_EQ(scenario.weeks, 520);
  EXPECT_TRUE(scenario.events.empty());
}

TEST_F(ScenarioWorld, WorldMayBeWrittenInline) {
  std::string inline_world;
  std::istringstream lines(small_world_yaml());
  for (std::string line; std::getline(lines, line);) inline_world += "  " + line + "\n";
  write("s.yaml", header() + "world:\n" + inline_world);
  const auto scenario = read("s.yaml");
  ASSERT_EQ(problems(), "");
  ParsedYaml parsed(small_world_yaml());
  EXPECT_EQ(*scenario.world, read_world_text(parsed));
  EXPECT_EQ(scenario.world_file, dir_ / "s.yaml");
}

}  // namespace
}  // namespace seccoop::testing
