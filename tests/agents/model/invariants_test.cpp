// The weekly invariant checks (agents/model/invariants.hpp): a state no input can produce is
// reported as an internal error naming the invariant, the week, the run and the slot. States
// are corrupted by hand, as a bug in a phase would.
#include "agents/model/invariants.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "agents/model/phases.hpp"
#include "agents/model/simulation.hpp"
#include "sim/config/diagnostics.hpp"
#include "tests/agents/support/tiny_world.hpp"

namespace seccoop::agents {
namespace {

/// The InternalError's message, or "" when `check` does not throw one.
template <class Check>
std::string internal_error_of(Check&& check) {
  try {
    check();
  } catch (const sim::InternalError& error) {
    return error.what();
  }
  return {};
}

TEST(Invariants, AStateTheModelProducesPasses) {
  auto tiny = testing::make_tiny_world();
  RunState& state = tiny.start();
  EXPECT_NO_THROW(check_week_invariants(state));
}

TEST(Invariants, NegativeMembersNameTheCartelWeekAndRun) {
  auto tiny = testing::make_tiny_world();
  RunState& state = tiny.start();
  state.week = 7;
  state.cartels.members[1] = -5.0;
  EXPECT_EQ(internal_error_of([&] { check_week_invariants(state); }),
            "internal error (a bug in seccoop, please report it): invariant 'members >= 0 and "
            "finite' violated in week 7 of run 0: cartel 'B' (slot 1) has -5 members");
}

TEST(Invariants, EachBrokenQuantityIsReported) {
  struct Case {
    const char* invariant;
    void (*corrupt)(RunState&);
  };
  const Case cases[] = {
      {"members >= 0 and finite", [](RunState& s) { s.cartels.members[0] = std::nan(""); }},
      {"cohesion in [0, 1]", [](RunState& s) { s.cartels.cohesion[2] = 1.5; }},
      {"presence shares sum to 1", [](RunState& s) { s.cartels.presence[0][0].share = 0.5; }},
      {"trust in [0, 1]: alpha > 0 and beta > 0", [](RunState& s) { s.trust[0].beta = 0.0; }},
      {"trust in [0, 1]: alpha > 0 and beta > 0", [](RunState& s) { s.trust[1].alpha = -0.5; }},
      {"trust in [0, 1]: alpha > 0 and beta > 0",
       [](RunState& s) { s.trust[1].alpha = std::numeric_limits<double>::infinity(); }},
      {"coordination in [0, 1]", [](RunState& s) { s.coordination[0].level = -0.1; }},
  };
  for (const auto& item : cases) {
    auto tiny = testing::make_tiny_world();
    RunState& state = tiny.start();
    item.corrupt(state);
    const std::string message = internal_error_of([&] { check_week_invariants(state); });
    EXPECT_NE(
        message.find(std::string("invariant '") + item.invariant + "' violated in week 1 of run 0"),
        std::string::npos)
        << item.invariant << ": " << message;
  }
}

TEST(Invariants, ACartelPhaseThatLosesMembersIsCaught) {
  auto tiny = testing::make_tiny_world();
  RunState& state = tiny.start();
  // A "phase" that moves members the way a buggy split would: the faction gets fewer than
  // the parent loses.
  const auto leaky = with_member_balance_check([](RunState& s) {
    s.flows.assign_zero(s.cartels.members.size());
    s.cartels.members[0] -= 100.0;
    s.cartels.members[1] += 90.0;
  });
  const std::string message = internal_error_of([&] { leaky(state); });
  EXPECT_NE(message.find("invariant 'members conserved by the cartel phase (splits move members)' "
                         "violated in week 1 of run 0"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("31000 members before, 30990 after"), std::string::npos) << message;
}

TEST(Invariants, TheRealCartelPhaseBalances) {
  auto tiny = testing::make_tiny_world();
  RunState& state = tiny.start();
  const auto checked = with_member_balance_check(run_cartel_phase);
  for (state.week = 1; state.week <= 10; ++state.week) EXPECT_NO_THROW(checked(state));
}

TEST(Invariants, ASimulationOfACorruptWorldStopsInWeekOne) {
  if (!kInvariantsChecked) {
    GTEST_SKIP()
        << "invariants are not checked in this build (release without SECCOOP_CHECK_INVARIANTS)";
  }
  auto tiny = testing::make_tiny_world();
  auto definition = testing::tiny_world_definition();
  definition->cartels[2].initial_members = -1.0;  // the readers refuse this; a bug might not
  tiny.scenario.world = definition;
  const World world = build_world(tiny.scenario);
  const std::string message =
      internal_error_of([&] { simulate_run(world, {.master_seed = 1, .run_index = 4}); });
  EXPECT_NE(message.find("violated in week 1 of run 4: cartel 'C' (slot 2) has"), std::string::npos)
      << message;
}

}  // namespace
}  // namespace seccoop::agents
