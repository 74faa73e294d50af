// Numbers too large for a double (agents/model/overflow_check.hpp): inputs within their bounds
// can still drive the model past 1.8e308; that is the user's input, not a bug, so it is a
// sim::UserError in every build (checked or not), found as it happens and, as a last guard,
// in every value a run recorded before anything is written.
#include "agents/model/overflow_check.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "agents/model/invariants.hpp"
#include "agents/model/phases.hpp"
#include "agents/model/simulation.hpp"
#include "sim/config/diagnostics.hpp"
#include "tests/agents/support/tiny_world.hpp"

namespace seccoop::agents {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// The UserError's message, or "" when `check` does not throw one (an InternalError fails).
template <class Check>
std::string user_error_of(Check&& check) {
  try {
    check();
  } catch (const sim::UserError& error) {
    return error.what();
  }
  return {};
}

TEST(OverflowCheck, ARecordOfFiniteNumbersPasses) {
  auto tiny = testing::make_tiny_world();
  tiny.start();
  EXPECT_NO_THROW(check_record_finite(*tiny.record));
}

TEST(OverflowCheck, AnInfiniteOrNaNRecordedValueNamesSeriesWeekAndEntry) {
  auto tiny = testing::make_tiny_world();
  tiny.start();
  tiny.record->set(Series::homicides, 4, kInfinity);
  EXPECT_EQ(user_error_of([&] { check_record_finite(*tiny.record); }),
            "run 0, week 4: the model's numbers overflow: series 'homicides' is inf (expected "
            "finite numbers, found inf); the inputs drive the model beyond the numbers it can "
            "represent: lower the rivalry or alliance weights, the recruitment rate or the "
            "lethality, or raise core.saturation_per_member_week");
  tiny.record->set(Series::homicides, 4, 0.0);
  tiny.record->week_values(Series::members, 9)[2] = std::nan("");
  const std::string message = user_error_of([&] { check_record_finite(*tiny.record); });
  EXPECT_NE(message.find("run 0, week 9: the model's numbers overflow: series 'members' (entry 2 "
                         "along cartel) is nan"),
            std::string::npos)
      << message;
}

TEST(OverflowCheck, ACartelPhaseThatOverflowsIsTheInputsNotABug) {
  auto tiny = testing::make_tiny_world();
  RunState& state = tiny.start();
  state.week = 3;
  const auto overflowing = [](RunState& s) {
    s.flows.assign_zero(s.cartels.members.size());
    s.cartels.members[1] = kInfinity;
  };
  // Inside the balance check (checked builds), so that the balance never sees it.
  const auto phase = with_member_balance_check(with_overflow_check(overflowing));
  const std::string message = user_error_of([&] { phase(state); });
  EXPECT_EQ(message.rfind("run 0, week 3: the model's numbers overflow: cartel 'B' (slot 1) has "
                          "inf members (expected finite numbers, found inf);",
                          0),
            0U)
      << message;
}

TEST(OverflowCheck, AFlowThatIsNotFiniteIsFoundThroughTheWeeksTotals) {
  auto tiny = testing::make_tiny_world();
  RunState& state = tiny.start();
  state.week = 2;
  // The check reads the flows through the totals the phase leaves: one infinite term makes
  // its total infinite, and the value is then found and named.
  const auto overflowing = [](RunState& s) {
    run_cartel_phase(s);
    s.flows.deaths[2] = kInfinity;
    s.flow_totals_in_use = add_flows(s.flows, 0, s.cartels.count, {});
  };
  const auto phase = with_member_balance_check(with_overflow_check(overflowing));
  const std::string message = user_error_of([&] { phase(state); });
  EXPECT_EQ(message.rfind("run 0, week 2: the model's numbers overflow: ", 0), 0U) << message;
  EXPECT_NE(message.find("(slot 2) has inf deaths"), std::string::npos) << message;
}

TEST(OverflowCheck, MembersGrowingWithoutBoundStopTheRunAtTheMostACartelCanCount) {
  // Recruitment at its maximum, nothing to hold it back, every parameter within its range:
  // members would pass 1.8e308 within a few hundred weeks (expected mode), or saturate as 64-bit
  // counts at 1.8e19 and run on (stochastic). Both stop once a cartel passes 1e15 members.
  for (const IntegrationMode mode : {IntegrationMode::expected, IntegrationMode::stochastic}) {
    auto tiny = testing::make_tiny_world();
    tiny.scenario.weeks = 2000;
    tiny.scenario.integration = mode;
    sim::Diagnostics diagnostics;
    for (const auto& [path, value] : {std::pair{"core.recruitment_rate_per_week", "1"},
                                      std::pair{"core.saturation_per_member_week", "0"},
                                      std::pair{"core.conflict_lethality", "0"}}) {
      tiny.scenario.parameters.set_from_text(path, value, diagnostics, {.file = "test"});
    }
    ASSERT_TRUE(diagnostics.empty()) << diagnostics.items().front().to_string();
    const World world = build_world(tiny.scenario);
    const std::string message =
        user_error_of([&] { simulate_run(world, {.master_seed = 1, .run_index = 2}); });
    EXPECT_EQ(message.rfind("run 2, week ", 0), 0U) << message;
    EXPECT_NE(message.find("the model's numbers overflow: cartel '"), std::string::npos) << message;
    EXPECT_NE(message.find(" members (expected at most 1e+15 members in a cartel, found "),
              std::string::npos)
        << message;
  }
}

}  // namespace
}  // namespace seccoop::agents
