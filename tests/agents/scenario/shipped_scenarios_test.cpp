// The eight scenarios of the brief (MODEL.md section 7) load cleanly, set up what they claim,
// and read back unchanged from the resolved YAML a results file stores.
#include <gtest/gtest.h>

#include <fstream>

#include "agents/scenario/experiment.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

using agents::EventType;

const std::vector<std::string>& brief_scenarios() {
  static const std::vector<std::string> kNames = {"baseline",
                                                  "el-paso-2024",
                                                  "unilateral-strikes",
                                                  "unilateral-drift",
                                                  "cooperative-framework",
                                                  "reform-only",
                                                  "tariff-pressure",
                                                  "aid-cut"};
  return kNames;
}

agents::Scenario load(const std::string& name) {
  try {
    auto experiment = agents::load_experiment(config_dir() / "scenarios" / (name + ".yaml"), {});
    return std::move(experiment.scenarios.at(0));
  } catch (const sim::UserError& error) {
    ADD_FAILURE() << name << ":\n" << error.what();
    throw;
  }
}

TEST(ShippedScenarios, EveryScenarioFileLoadsWithoutProblems) {
  for (const auto& entry : std::filesystem::directory_iterator(config_dir() / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    try {
      agents::load_experiment(entry.path(), {});
    } catch (const sim::UserError& error) {
      ADD_FAILURE() << entry.path() << ":\n" << error.what();
    }
  }
}

TEST(ShippedScenarios, TheBriefsEightExtendTheBaseline) {
  const auto baseline = load("baseline");
  EXPECT_EQ(baseline.start.iso(), "2025-01-20");
  EXPECT_EQ(baseline.weeks, 208);
  EXPECT_EQ(baseline.integration, agents::IntegrationMode::stochastic);
  ASSERT_NE(baseline.world, nullptr);
  EXPECT_TRUE(baseline.events.empty());
  for (const auto& name : brief_scenarios()) {
    const auto scenario = load(name);
    EXPECT_EQ(scenario.name, name);
    ASSERT_NE(scenario.world, nullptr) << name;
    EXPECT_EQ(scenario.world->cartels.size(), baseline.world->cartels.size()) << name;
  }
}

TEST(ShippedScenarios, ElPasoCapturesTwoSinaloaLeadersOnUsSoil) {
  const auto scenario = load("el-paso-2024");
  EXPECT_EQ(scenario.start.iso(), "2024-06-01");
  EXPECT_EQ(scenario.weeks, 52);
  ASSERT_EQ(scenario.events.size(), 1U);
  const auto& capture = scenario.events[0];
  EXPECT_EQ(capture.type, EventType::capture);
  EXPECT_EQ(capture.week, 8U);
  EXPECT_EQ(scenario.world->cartels[static_cast<std::size_t>(capture.target)].name, "Sinaloa");
  EXPECT_EQ(scenario.world->actors[static_cast<std::size_t>(capture.actor)].name, "FBI");
  EXPECT_EQ(capture.mode, agents::OperationMode::unilateral);
  EXPECT_EQ(capture.site, agents::OperationSite::us_soil);
  EXPECT_DOUBLE_EQ(capture.amount, 2.0);
}

TEST(ShippedScenarios, EachChangesWhatItClaims) {
  const auto strikes = load("unilateral-strikes");
  EXPECT_DOUBLE_EQ(strikes.parameters.get("policy.unilateral_allowed"), 1.0);
  ASSERT_EQ(strikes.events.size(), 2U);
  for (const auto& strike : strikes.events) {
    EXPECT_EQ(strike.type, EventType::strike);
    EXPECT_EQ(strike.week, 13U);
    EXPECT_EQ(strike.repeat_every_weeks, 4U);
    EXPECT_EQ(strike.repeat_until_week, 208U);
  }
  const auto drift = load("unilateral-drift");
  EXPECT_TRUE(drift.events.empty());
  EXPECT_GT(drift.world->governments.us_pressure, load("baseline").world->governments.us_pressure);
  const auto framework = load("cooperative-framework");
  ASSERT_EQ(framework.events.size(), 1U);
  EXPECT_EQ(framework.events[0].members.size(), 12U);
  EXPECT_DOUBLE_EQ(framework.events[0].amount, 0.7);
  const auto reform = load("reform-only");
  const auto sspc = *reform.world->actor_index("SSPC");
  EXPECT_GT(reform.world->actors[sspc].collection_rate,
            load("baseline").world->actors[sspc].collection_rate);
  ASSERT_EQ(reform.events.size(), 1U);
  EXPECT_DOUBLE_EQ(reform.events[0].amount, 1100.0);
  const auto tariff = load("tariff-pressure");
  ASSERT_EQ(tariff.events.size(), 1U);
  EXPECT_EQ(tariff.events[0].tariff_policy, agents::TariffPolicy::conditional);
  EXPECT_DOUBLE_EQ(tariff.events[0].amount, 0.25);
  EXPECT_DOUBLE_EQ(load("aid-cut").parameters.get("aid.inl_level"), 0.0);
}

TEST(ShippedScenarios, ResolvedYamlReadsBackTheSameWorldAndEvents) {
  for (const auto& name : brief_scenarios()) {
    const auto experiment =
        agents::load_experiment(config_dir() / "scenarios" / (name + ".yaml"), {});
    TempDir dir;
    const auto resolved = dir / "resolved.yaml";
    std::ofstream(resolved) << agents::resolved_yaml(experiment);
    const auto again = agents::load_experiment(resolved, {});
    ASSERT_EQ(again.scenarios.size(), 1U);
    const auto& original = experiment.scenarios[0];
    const auto& read_back = again.scenarios[0];
    ASSERT_NE(read_back.world, nullptr) << name;
    EXPECT_EQ(*read_back.world, *original.world) << name;
    ASSERT_EQ(read_back.events.size(), original.events.size()) << name;
    for (std::size_t e = 0; e < original.events.size(); ++e) {
      auto expected = original.events[e];
      auto actual = read_back.events[e];
      expected.source.clear();
      actual.source.clear();
      EXPECT_EQ(actual, expected) << name << " event " << e;
    }
    EXPECT_EQ(read_back.parameters.values(), original.parameters.values()) << name;
    EXPECT_EQ(read_back.start, original.start);
    EXPECT_EQ(read_back.weeks, original.weeks);
  }
}

}  // namespace
}  // namespace seccoop::testing
