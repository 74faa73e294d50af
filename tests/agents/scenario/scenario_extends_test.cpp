// `extends`: a scenario file changes only what differs from the one it extends.
#include <gtest/gtest.h>

#include "tests/agents/scenario/scenario_files.hpp"

namespace seccoop::testing {
namespace {

using ScenarioExtends = ScenarioFiles;

TEST_F(ScenarioExtends, ChildKeysOverrideAndAbsentKeysAreInherited) {
  write("parent.yaml", parent_text());
  write("child.yaml",
        "schema_version: 1\nextends: parent.yaml\nname: child\nweeks: 52\n"
        "events:\n  - {week: 10, type: tariff, rate: 0.25}\n"
        "parameters:\n  core:\n    incapacitation_per_week: 120\n");
  const auto scenario = read("child.yaml");
  ASSERT_EQ(problems(), "");
  EXPECT_EQ(scenario.name, "child");
  EXPECT_EQ(scenario.description, "the parent");
  EXPECT_EQ(scenario.start.iso(), "2025-01-20");
  EXPECT_EQ(scenario.weeks, 52);
  EXPECT_EQ(scenario.integration, agents::IntegrationMode::stochastic);
  EXPECT_EQ(scenario.file, dir_ / "child.yaml");
  ASSERT_NE(scenario.world, nullptr);
  EXPECT_EQ(scenario.world_file, dir_ / "world.yaml");
  EXPECT_FALSE(scenario.network.has_value());
  // The parent's events come first, then the child's.
  ASSERT_EQ(scenario.events.size(), 2U);
  EXPECT_EQ(scenario.events[0].type, agents::EventType::transfer);
  EXPECT_EQ(scenario.events[0].source, file("parent.yaml") + ":9");
  EXPECT_EQ(scenario.events[1].type, agents::EventType::tariff);
  // Parameters merge per key, the child winning.
  EXPECT_DOUBLE_EQ(scenario.parameters.get("core.recruitment_rate_per_week"), 0.003);
  EXPECT_DOUBLE_EQ(scenario.parameters.get("core.incapacitation_per_week"), 120.0);
}

TEST_F(ScenarioExtends, ChainsOfThreeApplyInOrder) {
  write("parent.yaml", parent_text());
  write("middle.yaml", "schema_version: 1\nextends: parent.yaml\nname: middle\nweeks: 60\n");
  std::filesystem::create_directories(dir_ / "sub");
  write("sub/leaf.yaml", "schema_version: 1\nextends: ../middle.yaml\nname: leaf\n");
  const auto leaf = read("sub/leaf.yaml");
  ASSERT_EQ(problems(), "");
  EXPECT_EQ(leaf.name, "leaf");
  EXPECT_EQ(leaf.weeks, 60);
  EXPECT_EQ(leaf.events.size(), 1U);
}

TEST_F(ScenarioExtends, ParentEventsFollowTheChildsStart) {
  write("parent.yaml", parent_text());
  write("later.yaml", "schema_version: 1\nextends: parent.yaml\nname: later\nstart: 2025-02-01\n");
  const auto parent = read("parent.yaml");
  EXPECT_EQ(parent.events.at(0).week, 6U);  // 2025-03-01 is day 40 after 2025-01-20
  const auto later = read("later.yaml");
  ASSERT_EQ(problems(), "");
  EXPECT_EQ(later.events.at(0).week, 5U);  // day 28 after 2025-02-01
  write("too-late.yaml", "schema_version: 1\nextends: parent.yaml\nname: x\nstart: 2025-04-01\n");
  read("too-late.yaml");
  EXPECT_EQ(problems(),
            file("parent.yaml") +
                ":9:12: key 'events[0].date': date before the scenario's start (expected "
                "a date from 2025-04-01 to 2027-03-29 (weeks 1 to 104), found 2025-03-01)\n");
}

TEST_F(ScenarioExtends, RequiredKeysMayComeFromTheParent) {
  write("bare.yaml", "schema_version: 1\nname: bare\n");
  read("bare.yaml");
  EXPECT_EQ(problems(),
            file("bare.yaml") +
                ":1:1: key 'start': missing required key (expected in this file "
                "or a file it extends)\n" +
                file("bare.yaml") +
                ":1:1: key 'weeks': missing required key (expected in this "
                "file or a file it extends)\n" +
                file("bare.yaml") +
                ":1:1: key 'world': missing required key (expected world: a world file, or "
                "network: the published network)\n");
}

TEST_F(ScenarioExtends, CircularExtendsNamesTheChain) {
  write("a.yaml", "schema_version: 1\nname: a\nextends: b.yaml\n");
  write("b.yaml", "schema_version: 1\nextends: c.yaml\n");
  write("c.yaml", "schema_version: 1\n\nextends: a.yaml\n");
  read("a.yaml");
  ASSERT_FALSE(diagnostics_->empty());
  const auto& cycle = diagnostics_->items()[0];
  EXPECT_EQ(cycle.to_string(),
            file("c.yaml") +
                ":3:10: key 'extends': circular extends: a.yaml -> b.yaml -> c.yaml -> "
                "a.yaml (expected a chain of scenario files that ends, found a file "
                "that extends itself)");
  write("self.yaml", "schema_version: 1\nextends: self.yaml\n");
  read("self.yaml");
  EXPECT_NE(problems().find("circular extends: self.yaml -> self.yaml"), std::string::npos)
      << problems();
}

TEST_F(ScenarioExtends, MissingParentIsReportedAtTheExtendsKey) {
  write("orphan.yaml", "schema_version: 1\nname: orphan\nextends: nowhere.yaml\n");
  read("orphan.yaml");
  ASSERT_FALSE(diagnostics_->empty());
  EXPECT_EQ(diagnostics_->items()[0].to_string(),
            file("orphan.yaml") +
                ":3:10: key 'extends': extended scenario not found (expected a scenario "
                "file, found \"" +
                file("nowhere.yaml") + "\")");
}

TEST_F(ScenarioExtends, ParentSyntaxErrorsPointIntoTheParent) {
  write("broken.yaml", "schema_version: 1\nname: [x\n");
  write("child.yaml", "schema_version: 1\nextends: broken.yaml\n");
  read("child.yaml");
  EXPECT_NE(problems().find(file("broken.yaml") + ":"), std::string::npos) << problems();
  EXPECT_NE(problems().find("YAML syntax error"), std::string::npos) << problems();
}

TEST_F(ScenarioExtends, ReadOnTopOfABaseScenario) {
  write("parent.yaml", parent_text());
  const auto base = read("parent.yaml");
  write("overlay.yaml",
        "schema_version: 1\nweeks: 20\nevents:\n  - {week: 3, type: transfer, count: 5}\n");
  const auto path = dir_ / "overlay.yaml";
  sim::Diagnostics diagnostics;
  const auto document = sim::YamlDocument::load_file(path, diagnostics);
  const auto scenario = agents::read_scenario(*document.root(), path, base);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(scenario.name, "parent");
  EXPECT_EQ(scenario.weeks, 20);
  ASSERT_EQ(scenario.events.size(), 2U);
  EXPECT_EQ(scenario.events[1].week, 3U);
}

}  // namespace
}  // namespace seccoop::testing
