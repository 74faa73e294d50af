// Agent kinds register by their YAML name; actors and scenario overrides are read through them.
#include <gtest/gtest.h>

#include "agents/world/actor_reader.hpp"
#include "sim/config/kind_registry.hpp"
#include "tests/agents/world/world_test_support.hpp"

namespace seccoop::testing {
namespace {

TEST(WorldActorKinds, RegistryFindsKindsAndSuggestsOnAMiss) {
  sim::KindRegistry<int> registry;
  registry.add("cartel", 1);
  registry.add("us_agency", 2);
  EXPECT_THROW(registry.add("cartel", 3), sim::InternalError);
  ASSERT_NE(registry.find("us_agency"), nullptr);
  EXPECT_EQ(*registry.find("us_agency"), 2);
  EXPECT_EQ(registry.find("mx_body"), nullptr);
  ParsedYaml parsed("type: cartle\n");
  EXPECT_EQ(registry.lookup(*parsed.root().find("type")), nullptr);
  ASSERT_EQ(parsed.diagnostics.items().size(), 1U);
  EXPECT_EQ(parsed.diagnostics.items()[0].to_string(),
            "test.yaml:1:7: key 'type': unknown agent kind (did you mean 'cartel'?) (expected one "
            "of 'cartel', 'us_agency', found 'cartle')");
}

TEST(WorldActorKinds, TheModelRegistersUsAgencyAndMxBody) {
  EXPECT_EQ(agents::actor_kinds().names(), (std::vector<std::string>{"us_agency", "mx_body"}));
}

class WorldActorOverrides : public ::testing::Test {
 protected:
  void SetUp() override {
    ParsedYaml parsed(small_world_yaml());
    world_ = read_world_text(parsed);
  }
  std::string apply(const std::string& text) {
    ParsedYaml parsed(text);
    if (const auto actors = parsed.root().find("actors"))
      agents::apply_actor_overrides(*actors, world_);
    if (const auto governments = parsed.root().find("governments")) {
      agents::read_governments(*governments, world_.governments, false);
    }
    return parsed.all();
  }
  agents::WorldDefinition world_;
};

TEST_F(WorldActorOverrides, MergeOverTheWorldsActors) {
  EXPECT_EQ(apply("actors:\n  SEMAR: {collection_rate: 0.2}\ngovernments: {us_pressure: 0.9}\n"),
            "");
  EXPECT_DOUBLE_EQ(world_.actors[2].collection_rate, 0.2);
  EXPECT_DOUBLE_EQ(world_.actors[2].capability, 8.0);  // kept
  EXPECT_DOUBLE_EQ(world_.governments.us_pressure, 0.9);
  EXPECT_DOUBLE_EQ(world_.governments.mx_stance, 0.5);  // kept
}

TEST_F(WorldActorOverrides, AreValidatedLikeTheWorldFile) {
  EXPECT_EQ(apply("actors:\n  SEMAT: {collection_rate: 0.2}\n"),
            "test.yaml:2:3: key 'actors.SEMAT': unknown state actor (did you mean 'SEMAR'?) "
            "(expected the name of a state actor of the world, found 'SEMAT')\n");
  EXPECT_EQ(
      apply("actors:\n  North: {collection_rate: 0.2}\n"),
      "test.yaml:2:3: key 'actors.North': wrong actor type (expected a state actor (us_agency "
      "or mx_body), found cartel 'North')\n");
  EXPECT_EQ(apply("actors:\n  SEMAR: {collection_rate: 2}\n"),
            "test.yaml:2:28: key 'actors.SEMAR.collection_rate': value out of range (expected a "
            "number in [0, 1], found \"2\")\n");
  EXPECT_NE(
      apply("actors:\n  DEA: {integrity: 0.5}\n").find("key 'actors.DEA.integrity': unknown key"),
      std::string::npos);
  EXPECT_NE(apply("actors:\n  DEA: {type: mx_body}\n").find("unknown key"), std::string::npos);
  EXPECT_NE(apply("governments: {us_presure: 1}\n").find("did you mean 'us_pressure'"),
            std::string::npos);
}

}  // namespace
}  // namespace seccoop::testing
