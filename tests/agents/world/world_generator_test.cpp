// Synthetic worlds (agents/world/world_generator.hpp): deterministic for a seed, exactly the
// sizes asked, and data the world reader could have produced.
#include "agents/world/world_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <utility>

namespace seccoop::testing {
namespace {

using agents::ActorType;
using agents::CartelPair;
using agents::GeneratorSettings;
using agents::WorldDefinition;

GeneratorSettings medium() {
  return {.seed = 7,
          .cartels = 300,
          .total_members = 40000,
          .regions = 120,
          .presence_per_cartel = 3,
          .rivalries = 2000,
          .alliances = 900,
          .us_agencies = 4,
          .mx_bodies = 5,
          .fentanyl_cartels = 12};
}

std::set<std::pair<std::uint32_t, std::uint32_t>> pair_set(const std::vector<CartelPair>& pairs) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> keys;
  for (const auto& pair : pairs) keys.emplace(pair.first, pair.second);
  return keys;
}

void expect_distinct_pairs(const WorldDefinition& world) {
  auto all = world.rivalries;
  all.insert(all.end(), world.alliances.begin(), world.alliances.end());
  for (const auto& pair : all) {
    ASSERT_LT(pair.first, pair.second);  // ordered, so never a self pair
    ASSERT_LT(pair.second, world.cartels.size());
    ASSERT_TRUE(pair.weight >= 1.0 && pair.weight <= 13.0 && pair.weight == std::floor(pair.weight))
        << pair.weight;
  }
  EXPECT_EQ(pair_set(all).size(), all.size()) << "a pair twice, or both rivals and allies";
}

TEST(WorldGenerator, SameSeedGivesTheSameWorld) {
  const auto first = agents::generate_world(medium());
  const auto second = agents::generate_world(medium());
  EXPECT_TRUE(*first == *second);
}

TEST(WorldGenerator, DifferentSeedsGiveDifferentWorlds) {
  auto other = medium();
  other.seed = 8;
  const auto first = agents::generate_world(medium());
  const auto second = agents::generate_world(other);
  EXPECT_FALSE(first->regions == second->regions);
  EXPECT_FALSE(first->cartels == second->cartels);
  EXPECT_FALSE(first->rivalries == second->rivalries);
  EXPECT_FALSE(first->actors == second->actors);
}

TEST(WorldGenerator, ProducesExactlyTheSizesAsked) {
  const auto settings = medium();
  const auto world = agents::generate_world(settings);
  EXPECT_EQ(world->cartels.size(), settings.cartels);
  EXPECT_EQ(world->regions.size(), settings.regions);
  EXPECT_EQ(world->rivalries.size(), settings.rivalries);
  EXPECT_EQ(world->alliances.size(), settings.alliances);
  EXPECT_EQ(world->actors.size(), settings.us_agencies + settings.mx_bodies);
  EXPECT_EQ(world->cartels.front().name, "G1");
  EXPECT_EQ(world->cartels.back().name, "G300");
  EXPECT_EQ(world->regions.codes.front(), "R0001");
  EXPECT_EQ(world->regions.codes.back(), "R0120");
}

TEST(WorldGenerator, MembersAreWholeAtLeastOneLargestFirstAndSumToTheTotal) {
  for (const std::uint64_t total : {300ULL, 301ULL, 40000ULL, 123457ULL}) {
    auto settings = medium();
    settings.total_members = total;
    const auto world = agents::generate_world(settings);
    double sum = 0.0;
    for (std::size_t c = 0; c < world->cartels.size(); ++c) {
      const double members = world->cartels[c].initial_members;
      ASSERT_GE(members, 1.0);
      ASSERT_EQ(members, std::round(members));
      if (c > 0) {
        ASSERT_LE(members, world->cartels[c - 1].initial_members);
      }
      sum += members;
    }
    EXPECT_EQ(sum, static_cast<double>(total));
  }
  // rank^-1: the largest is about twice the second and ten times the tenth.
  const auto world = agents::generate_world(medium());
  EXPECT_NEAR(world->cartels[0].initial_members / world->cartels[1].initial_members, 2.0, 0.05);
  EXPECT_NEAR(world->cartels[0].initial_members / world->cartels[9].initial_members, 10.0, 0.5);
}

TEST(WorldGenerator, PresenceSharesSumToOneOverDistinctRegions) {
  const auto settings = medium();
  const auto world = agents::generate_world(settings);
  for (const auto& cartel : world->cartels) {
    ASSERT_EQ(cartel.presence.size(), settings.presence_per_cartel) << cartel.name;
    double total = 0.0;
    std::set<std::uint32_t> regions;
    for (const auto& presence : cartel.presence) {
      ASSERT_GT(presence.share, 0.0);
      ASSERT_LT(presence.region, settings.regions);
      total += presence.share;
      regions.insert(presence.region);
    }
    EXPECT_NEAR(total, 1.0, 1e-12) << cartel.name;
    EXPECT_EQ(regions.size(), cartel.presence.size()) << cartel.name;
  }
}

TEST(WorldGenerator, RegionsAreNeighboursBothWaysAndOnARing) {
  const auto world = agents::generate_world(medium());
  const auto& regions = world->regions;
  for (std::uint32_t r = 0; r < regions.size(); ++r) {
    const auto& mine = regions.neighbours[r];
    const auto next = static_cast<std::uint32_t>((r + 1) % regions.size());
    EXPECT_TRUE(std::binary_search(mine.begin(), mine.end(), next)) << r;
    for (const auto other : mine) {
      ASSERT_NE(other, r);
      const auto& theirs = regions.neighbours[other];
      ASSERT_TRUE(std::binary_search(theirs.begin(), theirs.end(), r)) << r << " " << other;
    }
    EXPECT_GT(regions.population[r], 0.0);
  }
  EXPECT_EQ(std::count(regions.borders_us.begin(), regions.borders_us.end(), 1), 6);  // 1 in 20
}

TEST(WorldGenerator, PairsAreDistinctNeverSelfPairsAndNeverBothRivalsAndAllies) {
  const auto world = agents::generate_world(medium());
  expect_distinct_pairs(*world);
}

TEST(WorldGenerator, PartnersMostlyShareARegion) {
  const auto world = agents::generate_world(medium());
  const auto share_a_region = [&world](const CartelPair& pair) {
    for (const auto& a : world->cartels[pair.first].presence) {
      for (const auto& b : world->cartels[pair.second].presence) {
        if (a.region == b.region) return true;
      }
    }
    return false;
  };
  const auto local =
      std::count_if(world->rivalries.begin(), world->rivalries.end(), share_a_region);
  // Three regions in 120 each: two cartels drawn at random share one about 7% of the time.
  EXPECT_GT(static_cast<double>(local) / static_cast<double>(world->rivalries.size()), 0.5);
}

TEST(WorldGenerator, DenseRequestsTakeEveryPair) {
  auto settings = medium();
  settings.cartels = 12;
  settings.total_members = 500;
  settings.fentanyl_cartels = 3;
  settings.rivalries = 50;
  settings.alliances = 16;  // 66 = 12 * 11 / 2: every pair
  const auto world = agents::generate_world(settings);
  EXPECT_EQ(world->rivalries.size(), 50U);
  EXPECT_EQ(world->alliances.size(), 16U);
  expect_distinct_pairs(*world);
}

TEST(WorldGenerator, FentanylIsSharedByTheLargestBySize) {
  const auto settings = medium();
  const auto world = agents::generate_world(settings);
  double total = 0.0;
  for (std::size_t c = 0; c < world->cartels.size(); ++c) {
    const auto& cartel = world->cartels[c];
    if (c < settings.fentanyl_cartels) {
      EXPECT_GT(cartel.fentanyl_share, 0.0);
    } else {
      EXPECT_EQ(cartel.fentanyl_share, 0.0);
    }
    total += cartel.fentanyl_share;
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_NEAR(world->cartels[0].fentanyl_share / world->cartels[1].fentanyl_share, 2.0, 0.05);
}

TEST(WorldGenerator, StateActorsAreLinkedAsTheWorldReaderLinksThem) {
  const auto settings = medium();
  const auto world = agents::generate_world(settings);
  const auto us = settings.us_agencies;
  const auto mx = settings.mx_bodies;
  EXPECT_EQ(world->actors[0].name, "US1");
  EXPECT_EQ(world->actors[us].name, "MX1");
  EXPECT_EQ(std::count_if(world->actors.begin(), world->actors.end(),
                          [](const auto& actor) { return actor.can_strike; }),
            1);
  for (const auto& actor : world->actors) {
    if (actor.type == ActorType::mx_body) {
      EXPECT_TRUE(actor.integrity >= 0.3 && actor.integrity <= 0.9) << actor.integrity;
    }
  }
  ASSERT_EQ(world->trust.size(), 2 * us * mx);
  std::set<std::pair<std::uint32_t, std::uint32_t>> directed;
  for (const auto& edge : world->trust) {
    EXPECT_NE(world->actors[edge.from].type, world->actors[edge.to].type);
    EXPECT_TRUE(edge.alpha >= 1.0 && edge.alpha <= 5.0 && edge.beta >= 1.0 && edge.beta <= 5.0);
    directed.emplace(edge.from, edge.to);
  }
  EXPECT_EQ(directed.size(), world->trust.size());
  ASSERT_EQ(world->coordination.size(), us * mx);
  for (const auto& edge : world->coordination) {
    EXPECT_EQ(world->actors[edge.us_actor].type, ActorType::us_agency);
    EXPECT_EQ(world->actors[edge.mx_actor].type, ActorType::mx_body);
  }
}

TEST(WorldGenerator, GeneratesALargeWorld) {
  const GeneratorSettings settings{.seed = 3,
                                   .cartels = 20000,
                                   .total_members = 2000000,
                                   .regions = 2470,
                                   .presence_per_cartel = 3,
                                   .rivalries = 100000,
                                   .alliances = 50000};
  const auto world = agents::generate_world(settings);
  EXPECT_EQ(world->cartels.size(), 20000U);
  EXPECT_EQ(world->rivalries.size(), 100000U);
  EXPECT_EQ(world->alliances.size(), 50000U);
  expect_distinct_pairs(*world);
}

TEST(WorldGenerator, UnvalidatedSettingsAreAnInternalError) {
  auto settings = medium();
  settings.presence_per_cartel = settings.regions + 1;
  EXPECT_THROW(agents::generate_world(settings), sim::InternalError);
}

}  // namespace
}  // namespace seccoop::testing
