// Each mechanism of the security model, isolated on a tiny world (tests/agents/support).
#include <gtest/gtest.h>

#include <numeric>

#include "agents/cartel/split.hpp"
#include "agents/model/phases.hpp"
#include "tests/agents/support/tiny_world.hpp"

namespace seccoop::agents {
namespace {

using testing::make_tiny_world;

double trust_from(const RunState& s, std::size_t from) {
  for (const auto& edge : s.trust) {
    if (edge.from == from) return RunState::trust_level(edge);
  }
  return -1.0;
}

TEST(Mechanisms, ADetectedLeakLowersTheSharersTrust) {
  // Same world twice; only the Mexican body's integrity differs (infiltrated vs clean).
  auto leaky = make_tiny_world();
  RunState& with_leaks = leaky.start();
  with_leaks.actors.integrity[1] = 0.0;
  run_intelligence_phase(with_leaks);
  run_trust_phase(with_leaks);

  auto clean = make_tiny_world();
  RunState& without = clean.start();
  without.actors.integrity[1] = 1.0;
  run_intelligence_phase(without);
  run_trust_phase(without);

  EXPECT_GT(with_leaks.tally.leaks, 0.05);
  EXPECT_GT(with_leaks.tally.detected_leaks, 0.0);
  EXPECT_EQ(without.tally.leaks, 0.0);
  // The US agency shared, so its trust in the Mexican body is what falls.
  EXPECT_LT(trust_from(with_leaks, 0), trust_from(without, 0) - 0.005);
  EXPECT_DOUBLE_EQ(trust_from(with_leaks, 1), trust_from(without, 1));
}

TEST(Mechanisms, AUnilateralStrikeLowersMexicanTrustAndCoordination) {
  auto struck = make_tiny_world(true);
  RunState& s = struck.start();
  const double members_before = s.cartels.members[0];
  apply_strikes(s, 0, 1.0, Striker::actor(0));
  run_trust_phase(s);

  auto calm = make_tiny_world(true);
  RunState& c = calm.start();
  run_trust_phase(c);

  EXPECT_LT(trust_from(s, 1), trust_from(c, 1) - 0.1);  // Mexico's trust in the US
  EXPECT_LT(s.coordination[0].level, c.coordination[0].level - 0.1);
  EXPECT_DOUBLE_EQ(s.cartels.members[0],
                   members_before - s.parameters.operations.strike_members_killed);
  const double bystanders = s.parameters.operations.strike_collateral_deaths;
  EXPECT_NEAR(s.tally.collateral_deaths[0], 0.8 * bystanders, 1e-12);  // where A is present
  EXPECT_NEAR(s.tally.collateral_deaths[1], 0.2 * bystanders, 1e-12);
}

TEST(Mechanisms, ContainmentShrinksTheSuccessionMultiplier) {
  auto tiny = make_tiny_world();
  RunState& s = tiny.start();
  apply_leader_captures(s, 0, 1.0, 0.0);  // unilateral: nobody contains the contest
  apply_leader_captures(s, 1, 1.0, 1.0);  // joint: Mexican forces deployed
  const CartelParameters& p = s.parameters.cartel;
  const double containment = s.parameters.operations.containment;
  EXPECT_DOUBLE_EQ(s.cartels.contest_multiplier[0], p.contest_peak_multiplier);
  EXPECT_DOUBLE_EQ(s.cartels.contest_multiplier[1],
                   1.0 + (p.contest_peak_multiplier - 1.0) * (1.0 - containment));
  EXPECT_DOUBLE_EQ(s.cartels.cohesion[0], 0.9 - p.hvt_cohesion_loss);
}

TEST(Mechanisms, ASplitAddsAFactionWithARivalryAndConservesMembers) {
  auto tiny = make_tiny_world();
  RunState& s = tiny.start();
  const double total_before =
      std::accumulate(s.cartels.members.begin(), s.cartels.members.end(), 0.0);
  const std::size_t rivalries_before = s.rivalries.size();
  ASSERT_TRUE(split_cartel(s, 0));
  EXPECT_EQ(s.cartels.count, 4U);
  EXPECT_EQ(s.cartels.parent[3], 0);
  EXPECT_DOUBLE_EQ(std::accumulate(s.cartels.members.begin(), s.cartels.members.end(), 0.0),
                   total_before);
  EXPECT_DOUBLE_EQ(s.cartels.members[3], 10000 * s.parameters.cartel.split_member_share);
  // Inherits A's rivalry with B, and a new rivalry with its parent that starts at 0.
  ASSERT_EQ(s.rivalries.size(), rivalries_before + 2);
  EXPECT_EQ(s.rivalries[rivalries_before].first, 1U);
  EXPECT_EQ(s.rivalries[rivalries_before].second, 3U);
  EXPECT_EQ(s.rivalries.back().first, 0U);
  EXPECT_EQ(s.rivalries.back().second, 3U);
  EXPECT_EQ(s.rivalries.back().weight, 0.0);
  EXPECT_EQ(s.rivalries.back().target, s.parameters.cartel.split_rivalry_weight);
  EXPECT_EQ(s.graph().agent_count(), tiny.world.graph.agent_count() + 1);
  EXPECT_EQ(s.events.back().type, EventType::split);
}

TEST(Mechanisms, ACartelBelowTheThresholdSplitsInTheCartelPhase) {
  auto tiny = make_tiny_world();
  RunState& s = tiny.start();
  s.cartels.cohesion[1] = 0.1;
  run_cartel_phase(s);
  EXPECT_EQ(s.cartels.count, 4U);
  EXPECT_EQ(s.cartels.parent[3], 1);
}

TEST(Mechanisms, TariffsLowerMexicanCapability) {
  auto taxed = make_tiny_world();
  RunState& s = taxed.start();
  s.policy.tariff_policy_set = true;
  s.policy.tariff_max_rate = 0.25;
  run_policy_phase(s);

  auto free_trade = make_tiny_world();
  RunState& f = free_trade.start();
  run_policy_phase(f);

  EXPECT_DOUBLE_EQ(s.policy.tariff_rate, 0.25);
  const auto& p = s.parameters;
  const double expected =
      10.0 +
      p.aid.adjustment_rate * (10.0 * (1.0 - p.policy.tariff_capacity_elasticity * 0.25) - 10.0);
  EXPECT_DOUBLE_EQ(s.actors.capability[1], expected);
  EXPECT_DOUBLE_EQ(f.actors.capability[1], 10.0);
  EXPECT_DOUBLE_EQ(s.actors.capability[0], 10.0);  // US capability is untouched
}

TEST(Mechanisms, ConditionalTariffFollowsPressureWithHysteresis) {
  auto tiny = make_tiny_world();
  RunState& s = tiny.start();
  s.policy.tariff_policy_set = true;
  s.policy.tariff_policy = TariffPolicy::conditional;
  s.policy.tariff_max_rate = 0.25;
  s.policy.us_pressure = 0.75;
  run_policy_phase(s);
  EXPECT_DOUBLE_EQ(s.policy.tariff_rate, 0.25);
  s.policy.us_pressure = 0.6;  // between off (0.5) and on (0.7): stays on
  s.week = 1;
  run_policy_phase(s);
  EXPECT_DOUBLE_EQ(s.policy.tariff_rate, 0.25);
  s.policy.us_pressure = 0.4;
  run_policy_phase(s);
  EXPECT_DOUBLE_EQ(s.policy.tariff_rate, 0.0);
}

}  // namespace
}  // namespace seccoop::agents
