// A scenario's `generator:` block: every key validated where it is written, exclusive with
// `world` and `network`, stored in a results file as settings that rebuild the same world,
// and run end to end.
#include <gtest/gtest.h>

#include <fstream>

#include "agents/scenario/experiment.hpp"
#include "agents/world/world_generator.hpp"
#include "sim/io/results_reader.hpp"
#include "tests/agents/world/world_test_support.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

std::string block() {
  return "generator:\n"
         "  seed: 7\n"
         "  cartels: 40\n"
         "  total_members: 5000\n"
         "  regions: 12\n"
         "  presence_per_cartel: 2\n"
         "  rivalries: 60\n"
         "  alliances: 30\n"
         "  us_agencies: 2\n"
         "  mx_bodies: 3\n"
         "  fentanyl_cartels: 4\n";
}

/// Reads the `generator` block of `text`; problems in `parsed`.
std::optional<agents::GeneratorSettings> read_block(ParsedYaml& parsed) {
  return agents::read_generator_settings(*parsed.root().find("generator"));
}

TEST(GeneratorSettings, ReadsEveryKey) {
  ParsedYaml parsed(block());
  const auto settings = read_block(parsed);
  ASSERT_EQ(parsed.all(), "");
  ASSERT_TRUE(settings.has_value());
  EXPECT_EQ(*settings, (agents::GeneratorSettings{.seed = 7,
                                                  .cartels = 40,
                                                  .total_members = 5000,
                                                  .regions = 12,
                                                  .presence_per_cartel = 2,
                                                  .rivalries = 60,
                                                  .alliances = 30,
                                                  .us_agencies = 2,
                                                  .mx_bodies = 3,
                                                  .fentanyl_cartels = 4}));
}

TEST(GeneratorSettings, OptionalKeysTakeTheirDefaults) {
  ParsedYaml parsed(
      "generator: {seed: 1, cartels: 8, total_members: 80, regions: 3, rivalries: 0, "
      "alliances: 0}\n");
  const auto settings = read_block(parsed);
  ASSERT_EQ(parsed.all(), "");
  EXPECT_EQ(settings->presence_per_cartel, 1U);
  EXPECT_EQ(settings->us_agencies, 6U);
  EXPECT_EQ(settings->mx_bodies, 6U);
  EXPECT_EQ(settings->fentanyl_cartels, 8U);  // 20, or every cartel if fewer
}

TEST(GeneratorSettings, UnknownKeysGetADidYouMeanAtTheirLine) {
  const std::string text = replaced(block(), "  rivalries: 60", "  rivalires: 60");
  ParsedYaml parsed(text);
  EXPECT_FALSE(read_block(parsed).has_value());
  const auto line = std::to_string(line_of(text, "rivalires"));
  EXPECT_NE(parsed.all().find("test.yaml:" + line + ":"), std::string::npos) << parsed.all();
  EXPECT_NE(parsed.all().find("unknown key (did you mean 'rivalries'?)"), std::string::npos)
      << parsed.all();
  EXPECT_NE(parsed.all().find("key 'generator.rivalries': missing required key"), std::string::npos)
      << parsed.all();
}

TEST(GeneratorSettings, BadValuesAreReportedWhereWritten) {
  std::string text = replaced(block(), "cartels: 40", "cartels: 0");
  text = replaced(text, "mx_bodies: 3", "mx_bodies: many");
  ParsedYaml parsed(text);
  EXPECT_FALSE(read_block(parsed).has_value());
  EXPECT_EQ(parsed.all(),
            "test.yaml:" + std::to_string(line_of(text, "cartels: 0")) +
                ":12: key 'generator.cartels': value out of range (expected a whole number in "
                "[1, 1e+06], found \"0\")\n"
                "test.yaml:" +
                std::to_string(line_of(text, "mx_bodies")) +
                ":14: key 'generator.mx_bodies': wrong type (expected a whole number in [0, "
                "100], found \"many\")\n");
}

TEST(GeneratorSettings, SizesThatDoNotFitAreReportedAtTheirKeys) {
  std::string text = replaced(block(), "total_members: 5000", "total_members: 39");
  text = replaced(text, "presence_per_cartel: 2", "presence_per_cartel: 13");
  text = replaced(text, "alliances: 30", "alliances: 721");  // 60 + 721 > 40 * 39 / 2 = 780
  text = replaced(text, "fentanyl_cartels: 4", "fentanyl_cartels: 41");
  ParsedYaml parsed(text);
  EXPECT_FALSE(read_block(parsed).has_value());
  const auto at = [&text](const std::string& snippet) {
    return "test.yaml:" + std::to_string(line_of(text, snippet)) + ":";
  };
  const std::string all = parsed.all();
  EXPECT_NE(all.find(at("total_members") + "18: key 'generator.total_members': fewer members "
                                           "than cartels (expected at least one member per "
                                           "cartel (>= 40), found 39)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(at("presence_per_cartel") + "24: key 'generator.presence_per_cartel': more "
                                                 "regions per cartel than regions"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(at("alliances") + "14: key 'generator.alliances': rivalries and alliances "
                                       "exceed the pairs of cartels (expected at most 720"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find(at("fentanyl_cartels") + "21: key 'generator.fentanyl_cartels': more "
                                              "fentanyl cartels than cartels"),
            std::string::npos)
      << all;
}

TEST(GeneratorSettings, RivalriesBeyondEveryPairAreReported) {
  ParsedYaml parsed(replaced(block(), "rivalries: 60", "rivalries: 781"));
  EXPECT_FALSE(read_block(parsed).has_value());
  EXPECT_NE(parsed.all().find("key 'generator.rivalries': more rivalries than pairs of cartels "
                              "(expected at most cartels*(cartels-1)/2 = 780, found 781)"),
            std::string::npos)
      << parsed.all();
}

TEST(GeneratorSettings, EmittedSettingsReadBackEqual) {
  ParsedYaml parsed(block());
  const auto settings = read_block(parsed);
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "generator" << YAML::Value;
  agents::emit_generator_settings(out, *settings);
  out << YAML::EndMap;
  ParsedYaml again(out.c_str());
  EXPECT_EQ(read_block(again), settings);
}

std::string scenario_text() {
  return "schema_version: 1\nname: synthetic\nstart: 2025-01-20\nweeks: 6\n"
         "integration: stochastic\n" +
         block() +
         "events:\n  - {week: 2, type: strike, target: G1, by: US1}\n"
         "parameters: {policy: {unilateral_allowed: 1}}\n";
}

TEST(SyntheticScenario, GeneratorBuildsTheWorldEventsName) {
  TempDir dir;
  std::ofstream(dir / "s.yaml") << scenario_text();
  const auto experiment = agents::load_experiment(dir / "s.yaml", {});
  const auto& scenario = experiment.scenarios.at(0);
  ASSERT_NE(scenario.world, nullptr);
  ASSERT_TRUE(scenario.generator.has_value());
  EXPECT_EQ(*scenario.world, *agents::generate_world(*scenario.generator));
  ASSERT_EQ(scenario.events.size(), 1U);
  EXPECT_EQ(scenario.events[0].target, 0);
}

TEST(SyntheticScenario, OnlyOneWorldSource) {
  const std::string text =
      "schema_version: 1\nname: s\nstart: 2025-01-20\nweeks: 6\n"
      "world: world.yaml\n" +
      block();
  ParsedYaml parsed(text);
  agents::read_scenario(parsed.root(), "test.yaml");
  // A block mapping's place is that of its first key.
  EXPECT_EQ(parsed.all(), "test.yaml:" + std::to_string(line_of(text, "seed")) +
                              ":3: key 'generator': give either world or generator, not "
                              "both (expected one of world, generator, found both)\n");
}

TEST(SyntheticScenario, AGeneratorThatIsNotAMappingIsReported) {
  ParsedYaml parsed("schema_version: 1\nname: s\nstart: 2025-01-20\nweeks: 6\ngenerator: big\n");
  const auto scenario = agents::read_scenario(parsed.root(), "test.yaml");
  EXPECT_EQ(scenario.world, nullptr);
  EXPECT_EQ(parsed.all(),
            "test.yaml:5:12: key 'generator': wrong type (expected a mapping of "
            "keys to values, found \"big\")\n");
}

TEST(SyntheticScenario, ResolvedYamlRebuildsTheSameWorld) {
  TempDir dir;
  std::ofstream(dir / "parent.yaml") << scenario_text();
  std::ofstream(dir / "child.yaml")
      << "schema_version: 1\nextends: parent.yaml\nname: child\n"
         "actors: {MX2: {integrity: 0.123456789}}\ngovernments: {mx_stance: 0.1}\n";
  const auto experiment = agents::load_experiment(dir / "child.yaml", {});
  const std::string resolved = agents::resolved_yaml(experiment);
  EXPECT_NE(resolved.find("generator:"), std::string::npos);
  EXPECT_EQ(resolved.find("name: G1"), std::string::npos) << "the world is not written out";
  std::ofstream(dir / "resolved.yaml") << resolved;
  const auto again = agents::load_experiment(dir / "resolved.yaml", {});
  const auto& original = *experiment.scenarios.at(0).world;
  EXPECT_DOUBLE_EQ(original.actors[3].integrity, 0.123456789);
  EXPECT_DOUBLE_EQ(original.governments.mx_stance, 0.1);
  EXPECT_EQ(*again.scenarios.at(0).world, original);
  EXPECT_EQ(again.scenarios.at(0).generator, experiment.scenarios.at(0).generator);
}

TEST(SyntheticScenario, RunsEndToEnd) {
  TempDir dir;
  std::ofstream(dir / "s.yaml") << scenario_text();
  const auto output = dir / "out.h5";
  const auto result =
      run_seccoop("run " + (dir / "s.yaml").string() + " --quiet -o " + output.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const sim::io::ResultsReader results(output);
  EXPECT_NE(results.global_text_attribute("experiment_yaml").find("cartels: 40"),
            std::string::npos);
  EXPECT_EQ(results.dimension_size("week"), 6U);
}

TEST(SyntheticScenario, ShippedExampleValidates) {
  const auto result =
      run_seccoop("validate " + (config_dir() / "scenarios" / "synthetic-large.yaml").string());
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

}  // namespace
}  // namespace seccoop::testing
