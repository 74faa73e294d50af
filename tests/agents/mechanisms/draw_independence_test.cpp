// Two chance events of one week must not read the same stream: draws keyed by the same
// (week, entity, purpose) get the same uniform, which makes them perfectly correlated instead
// of independent. Each test repeats one week's events over many weeks and checks a joint
// frequency against the product of the marginal ones.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "agents/model/checked_build.hpp"
#include "agents/model/phases.hpp"
#include "sim/config/diagnostics.hpp"
#include "tests/agents/support/tiny_world.hpp"

namespace seccoop::agents {
namespace {

using testing::make_tiny_world;

constexpr std::uint64_t kWeeks = 3000;

TEST(DrawIndependence, UnilateralAndJointCapturesOfOneTargetAreIndependent) {
  auto tiny = make_tiny_world();
  tiny.scenario.integration = IntegrationMode::stochastic;
  RunState& s = tiny.start();
  // The US agency acts alone with half its effort and jointly with the rest, on one target;
  // the Mexican body has none (its domestic captures would mix into the count).
  s.actors.unilateral_share[0] = 0.5;
  s.actors.targets[0] = {0};
  s.actors.targets[1] = {};
  s.parameters.operations.hvt_attempts_per_effort = 0.5;  // means of about 0.3 to 0.6
  const OperationsParameters& p = s.parameters.operations;

  double unilateral = 0.0;  // weeks with at least one such capture
  double joint = 0.0;
  double both = 0.0;
  for (std::uint64_t week = 1; week <= kWeeks; ++week) {
    tiny.new_week(week);
    run_operations_phase(s);
    // Only unilateral captures add to the shock, beyond the operation's own.
    const double unilateral_captures =
        (s.tally.sovereignty_shock - p.unilateral_operation_shock * 0.5) / p.capture_shock;
    const double joint_captures = s.tally.hvt_captures[0] - unilateral_captures;
    unilateral += unilateral_captures > 0.5 ? 1.0 : 0.0;
    joint += joint_captures > 0.5 ? 1.0 : 0.0;
    both += unilateral_captures > 0.5 && joint_captures > 0.5 ? 1.0 : 0.0;
  }
  const auto n = static_cast<double>(kWeeks);
  ASSERT_GT(unilateral / n, 0.2);  // both kinds happen often enough to test
  ASSERT_GT(joint / n, 0.1);
  // Independent: P(both) = P(u) P(j), about 0.13 here; one shared uniform gives
  // min(P(u), P(j)), 0.28 when it was so. The frequency's standard error is about 0.006.
  EXPECT_NEAR(both / n, (unilateral / n) * (joint / n), 0.03);
}

TEST(DrawIndependence, TwoStrikesOnOneCartelInOneWeekKillLeadersIndependently) {
  auto tiny = make_tiny_world(true);
  tiny.scenario.integration = IntegrationMode::stochastic;
  RunState& s = tiny.start();
  const double members = s.cartels.members[0];
  const double p = s.parameters.operations.strike_hvt_probability;  // one strike: Bernoulli(p)

  double exactly_one = 0.0;  // weeks in which the two strikes killed one leader
  for (std::uint64_t week = 1; week <= kWeeks; ++week) {
    tiny.new_week(week);
    s.cartels.members[0] = members;
    apply_strikes(s, 0, 1.0, Striker::actor(0));            // the agency's weekly strike
    apply_strikes(s, 0, 1.0, Striker::scheduled_event(0));  // and one the scenario schedules
    exactly_one += s.tally.hvt_captures[0] == 1.0 ? 1.0 : 0.0;
  }
  // Independent: 2 p (1 - p) = 0.32 at p = 0.2; one shared uniform: never exactly one.
  EXPECT_NEAR(exactly_one / static_cast<double>(kWeeks), 2.0 * p * (1.0 - p), 0.04);
}

TEST(DrawIndependence, CheckedBuildsRefuseAStreamDrawnFromTwiceInAWeek) {
  if (!kInvariantsChecked) GTEST_SKIP() << "a release build compiles the check out";
  const Sampler sampler(true, {.master_seed = 1, .run_index = 3});
  const std::uint64_t target = Sampler::pair(1, 2);
  EXPECT_NO_THROW({
    (void)sampler.count(0.5, 4, target, DrawPurpose::hvt);
    (void)sampler.count(0.5, 4, target, DrawPurpose::hvt_unilateral);    // another purpose
    (void)sampler.count(0.5, 4, Sampler::pair(1, 3), DrawPurpose::hvt);  // another entity
  });
  try {
    (void)sampler.count(0.5, 4, target, DrawPurpose::hvt);
    ADD_FAILURE() << "a second draw of week 4 from one stream was allowed";
  } catch (const sim::InternalError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("two draws of week 4 of run 3 read the stream of entity " +
                        std::to_string(target) + " and purpose 13"),
              std::string::npos)
        << error.what();
  }
  EXPECT_NO_THROW((void)sampler.count(0.5, 5, target, DrawPurpose::hvt));  // the next week's
}

}  // namespace
}  // namespace seccoop::agents
