// The world reader: a valid world, and every kind of bad input reported with its line.
#include "agents/world/world_reader.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "tests/agents/world/world_test_support.hpp"

namespace seccoop::testing {
namespace {

using agents::ActorType;
using agents::WorldDefinition;

TEST(WorldReader, ReadsTheSmallWorld) {
  ParsedYaml parsed(small_world_yaml());
  const WorldDefinition world = read_world_text(parsed);
  ASSERT_TRUE(parsed.diagnostics.empty()) << parsed.all();
  EXPECT_EQ(world.regions.size(), 2U);
  EXPECT_EQ(world.regions.neighbours[0], std::vector<std::uint32_t>{1});
  ASSERT_EQ(world.cartels.size(), 6U);  // two named, four in the tail
  EXPECT_DOUBLE_EQ(world.cartels[0].initial_members, 500.0);
  EXPECT_DOUBLE_EQ(world.cartels[1].initial_members, 300.0);
  // Presence 3:1 is normalised.
  EXPECT_DOUBLE_EQ(world.cartels[0].presence[0].share, 0.75);
  EXPECT_DOUBLE_EQ(world.cartels[0].presence[1].share, 0.25);
  EXPECT_EQ(world.cartels[0].faction_names, (std::vector<std::string>{"North A", "North B"}));
  ASSERT_EQ(world.rivalries.front(), (agents::CartelPair{.first = 0, .second = 1, .weight = 5}));
  ASSERT_EQ(world.actors.size(), 3U);
  EXPECT_EQ(world.actors[1].type, ActorType::us_agency);
  EXPECT_TRUE(world.actors[1].can_strike);
  EXPECT_EQ(world.actors[2].type, ActorType::mx_body);
  EXPECT_DOUBLE_EQ(world.actors[2].integrity, 0.85);
  EXPECT_DOUBLE_EQ(world.governments.us_pressure, 0.6);
}

TEST(WorldReader, TrustCoversBothDirectionsWithOverrides) {
  ParsedYaml parsed(small_world_yaml());
  const WorldDefinition world = read_world_text(parsed);
  ASSERT_EQ(world.trust.size(), 4U);  // DEA, DoD -> SEMAR and back
  EXPECT_EQ(world.trust[0], (agents::TrustEdge{.from = 0, .to = 2, .alpha = 4, .beta = 2}));
  EXPECT_EQ(world.trust[1], (agents::TrustEdge{.from = 1, .to = 2, .alpha = 3, .beta = 3}));
  EXPECT_EQ(world.trust[2], (agents::TrustEdge{.from = 2, .to = 0, .alpha = 3, .beta = 2}));
  ASSERT_EQ(world.coordination.size(), 2U);
  EXPECT_DOUBLE_EQ(world.coordination[0].level, 0.5);
  EXPECT_DOUBLE_EQ(world.coordination[1].level, 0.3);
}

TEST(WorldReader, TailTakesTheRestByRankAndIsDeterministic) {
  ParsedYaml parsed(small_world_yaml());
  const WorldDefinition world = read_world_text(parsed);
  double tail_members = 0.0;
  for (std::size_t c = 2; c < world.cartels.size(); ++c) {
    EXPECT_EQ(world.cartels[c].name, "Local group " + std::to_string(c - 1));
    tail_members += world.cartels[c].initial_members;
    if (c > 2) {
      EXPECT_LT(world.cartels[c].initial_members, world.cartels[c - 1].initial_members);
    }
    EXPECT_LE(world.cartels[c].presence.size(), 2U);
  }
  EXPECT_NEAR(tail_members, 200.0, 1e-9);
  // rank^-1 after the two named groups: ranks 3..6.
  EXPECT_NEAR(world.cartels[2].initial_members / world.cartels[5].initial_members, 6.0 / 3.0,
              1e-12);
  ParsedYaml again(small_world_yaml());
  EXPECT_EQ(read_world_text(again), world);
  ParsedYaml reseeded(replaced(small_world_yaml(), "seed: 3", "seed: 4"));
  const WorldDefinition other = read_world_text(reseeded);
  EXPECT_EQ(other.cartels.size(), world.cartels.size());
}

TEST(WorldReader, TailTiesFollowTheirProbabilitiesAndWeight) {
  // Certain alliances with a named cartel and with the previous local group, weight 3.
  ParsedYaml parsed(replaced(
      small_world_yaml(), "tail: {count: 4, seed: 3}",
      "tail: {count: 4, seed: 3, rivalry_probability: 0, alliance_probability: 1,\n"
      "       local_rivalry_probability: 0, local_alliance_probability: 1, tie_weight: 3}"));
  const WorldDefinition world = read_world_text(parsed);
  ASSERT_TRUE(parsed.diagnostics.empty()) << parsed.all();
  ASSERT_EQ(world.rivalries.size(), 1U);  // only the one the file lists
  std::size_t with_named = 0;
  for (const auto& pair : world.alliances) {
    EXPECT_DOUBLE_EQ(pair.weight, 3.0);
    with_named += pair.first < 2 ? 1 : 0;
  }
  EXPECT_EQ(with_named, 4U);              // every local group works for a named cartel
  EXPECT_GE(world.alliances.size(), 5U);  // and at least one shares a region with an earlier one
  const auto bad = replaced(
      small_world_yaml(), "tail: {count: 4, seed: 3}",
      "tail: {count: 4, seed: 3, local_rivalry_probability: 0.6, local_alliance_probability: 0.6}");
  ParsedYaml too_likely(bad);
  read_world_text(too_likely);
  EXPECT_NE(too_likely.all().find("probabilities add up to more than 1"), std::string::npos)
      << too_likely.all();
}

/// Reads a broken variant of the small world and returns its one diagnostic.
sim::Diagnostic only_problem(const std::string& text) {
  ParsedYaml parsed(text);
  read_world_text(parsed);
  EXPECT_EQ(parsed.diagnostics.items().size(), 1U) << parsed.all();
  return parsed.diagnostics.items().empty() ? sim::Diagnostic{} : parsed.diagnostics.items()[0];
}

/// Every diagnostic of a broken variant, one per line.
std::string all_problems(const std::string& text) {
  ParsedYaml parsed(text);
  read_world_text(parsed);
  return parsed.all();
}

TEST(WorldReader, UnknownRegionInPresenceSuggestsTheClosest) {
  const auto text = replaced(small_world_yaml(), "presence: {BBB: 1}", "presence: {BBX: 1}");
  const auto problem = only_problem(text);
  EXPECT_EQ(problem.where.line, line_of(text, "BBX"));
  EXPECT_EQ(problem.message, "unknown region (did you mean 'BBB'?)");
  EXPECT_EQ(problem.found, "'BBX'");
}

TEST(WorldReader, UnknownCartelInRivalrySuggestsTheClosest) {
  const auto text = replaced(small_world_yaml(), "[[North, South, 5]]", "[[North, Suoth, 5]]");
  const auto problem = only_problem(text);
  EXPECT_EQ(problem.where.line, line_of(text, "Suoth"));
  EXPECT_EQ(problem.key, "rivalries[0][1]");
  EXPECT_EQ(problem.message, "unknown cartel (did you mean 'South'?)");
}

TEST(WorldReader, ActorInRivalryIsTheWrongActorType) {
  const auto text = replaced(small_world_yaml(), "[[North, South, 5]]", "[[North, DEA, 5]]");
  const auto problem = only_problem(text);
  EXPECT_EQ(problem.message, "wrong actor type");
  EXPECT_EQ(problem.expected, "a cartel");
  EXPECT_EQ(problem.found, "state actor 'DEA' (us_agency)");
}

TEST(WorldReader, PairProblemsAreReported) {
  EXPECT_EQ(only_problem(replaced(small_world_yaml(), "[[North, South, 5]]", "[[North, North, 5]]"))
                .message,
            "a cartel cannot be paired with itself");
  EXPECT_EQ(only_problem(replaced(small_world_yaml(), "[[North, South, 5]]",
                                  "[[North, South, 5], [South, North, 2]]"))
                .message,
            "pair listed twice");
  EXPECT_EQ(only_problem(replaced(small_world_yaml(), "[[North, South, 5]]", "[[North, South]]"))
                .expected,
            "[cartel, cartel, weight]");
  EXPECT_EQ(
      only_problem(replaced(small_world_yaml(), "[[North, South, 5]]", "[[North, South, -1]]"))
          .message,
      "value out of range");
}

TEST(WorldReader, UnknownActorKindSuggestsARegisteredOne) {
  const auto text = replaced(small_world_yaml(), "type: mx_body", "type: mx_bodie");
  const auto problem = only_problem(text);
  EXPECT_EQ(problem.where.line, line_of(text, "mx_bodie"));
  EXPECT_EQ(problem.key, "actors[2].type");
  EXPECT_EQ(problem.message, "unknown agent kind (did you mean 'mx_body'?)");
  EXPECT_EQ(problem.expected, "one of 'us_agency', 'mx_body'");
}

TEST(WorldReader, ActorFieldsAreRangeCheckedAndKindSpecific) {
  const auto out_of_range = replaced(small_world_yaml(), "integrity: 0.85", "integrity: 1.5");
  const auto problem = only_problem(out_of_range);
  EXPECT_EQ(problem.where.line, line_of(out_of_range, "integrity: 1.5"));
  EXPECT_EQ(problem.key, "actors[2].integrity");
  EXPECT_EQ(problem.expected, "a number in [0, 1]");
  // A Mexican body cannot strike: the key belongs to US agencies.
  const auto wrong_kind =
      only_problem(replaced(small_world_yaml(), "integrity: 0.85", "can_strike: true"));
  EXPECT_EQ(wrong_kind.message, "unknown key");
  EXPECT_EQ(wrong_kind.key, "actors[2].can_strike");
  const auto missing = only_problem(replaced(small_world_yaml(), "capability: 8, ", ""));
  EXPECT_EQ(missing.key, "actors[2].capability");
  EXPECT_EQ(missing.message, "missing required key");
}

TEST(WorldReader, NamesMustBeUnique) {
  const auto twice = replaced(small_world_yaml(), "name: South", "name: North");
  EXPECT_NE(
      all_problems(twice).find("test.yaml:9:12: key 'cartels[1].name': cartel name used twice"),
      std::string::npos)
      << all_problems(twice);
  EXPECT_EQ(only_problem(replaced(small_world_yaml(), "name: DoD", "name: North")).message,
            "actor named like a cartel");
  EXPECT_EQ(only_problem(replaced(small_world_yaml(), "factions: [North A, North B]",
                                  "factions: [South, X]"))
                .message,
            "faction named like another cartel");
  EXPECT_EQ(only_problem(
                replaced(small_world_yaml(), "factions: [North A, North B]", "factions: [North A]"))
                .expected,
            "two different names (the parent keeps the first)");
}

TEST(WorldReader, SharesNeedATotalAndMustLeaveRoomForTheTail) {
  const auto full = replaced(small_world_yaml(), "share: 0.3", "share: 0.5");
  const auto problem = only_problem(full);
  EXPECT_EQ(problem.where.line, line_of(full, "total_members"));
  EXPECT_EQ(problem.message, "the named cartels take every member, none is left for the tail");
  const auto no_total = replaced(small_world_yaml(), "total_members: 1000\n", "");
  ParsedYaml parsed(no_total);
  read_world_text(parsed);
  EXPECT_NE(parsed.all().find("a share needs the world's total_members"), std::string::npos)
      << parsed.all();
  EXPECT_NE(parsed.all().find("the tail needs total_members"), std::string::npos) << parsed.all();
  const auto both =
      only_problem(replaced(small_world_yaml(), "share: 0.3", "share: 0.3, members: 4"));
  EXPECT_EQ(both.message, "give either share or members, not both");
}

TEST(WorldReader, FentanylSharesMayNotExceedOne) {
  const auto text = replaced(small_world_yaml(), "share: 0.3,", "share: 0.3, fentanyl_share: 0.5,");
  const auto problem = only_problem(text);
  EXPECT_EQ(problem.message, "fentanyl shares add up to more than 1");
  EXPECT_EQ(problem.where.line, line_of(text, "  - {name: North"));
}

TEST(WorldReader, TrustAndCoordinationPairsAreChecked) {
  const auto unknown =
      only_problem(replaced(small_world_yaml(), "{from: DEA, to: SEMAR", "{from: DEA, to: SEMAT"));
  EXPECT_EQ(unknown.message, "unknown state actor (did you mean 'SEMAR'?)");
  EXPECT_EQ(unknown.key, "trust.pairs[0].to");
  const auto wrong = replaced(small_world_yaml(), "{us: DEA, mx: SEMAR", "{us: SEMAR, mx: SEMAR");
  const auto problem = only_problem(wrong);
  EXPECT_EQ(problem.message, "wrong actor type");
  EXPECT_EQ(problem.expected, "a state actor of type us_agency");
  EXPECT_EQ(problem.found, "'SEMAR' (mx_body)");
  EXPECT_EQ(problem.where.line, line_of(wrong, "{us: SEMAR"));
  EXPECT_EQ(only_problem(replaced(small_world_yaml(), "alpha: 4", "alpha: 0")).message,
            "value out of range");
}

TEST(WorldReader, UnknownKeysSuggestTheClosest) {
  const auto problem = only_problem(replaced(small_world_yaml(), "cohesion: 0.9", "cohesian: 0.9"));
  EXPECT_EQ(problem.message, "unknown key (did you mean 'cohesion'?)");
  EXPECT_EQ(problem.key, "cartels[0].cohesian");
  const auto missing = all_problems(replaced(small_world_yaml(), "governments:", "government:"));
  EXPECT_NE(missing.find("key 'government': unknown key (did you mean 'governments'?)"),
            std::string::npos)
      << missing;
  EXPECT_NE(missing.find("key 'governments': missing required key"), std::string::npos) << missing;
}

TEST(WorldReader, RegionListProblems) {
  EXPECT_EQ(
      only_problem(replaced(small_world_yaml(), "neighbours: [AAA]", "neighbours: []")).message,
      "neighbours must be listed both ways");
  EXPECT_EQ(
      only_problem(replaced(small_world_yaml(), "neighbours: [AAA]", "neighbours: [AAA, CCC]"))
          .message,
      "unknown neighbour");
  EXPECT_NE(all_problems(replaced(small_world_yaml(), "code: BBB", "code: AAA"))
                .find("duplicate region code"),
            std::string::npos);
}

}  // namespace
}  // namespace seccoop::testing
