// The calibrated core must reproduce the published model (MODEL.md section 6): from the
// published network in 2012, 115,000 members and about 67 deaths per week; after 520 weeks about
// 173,800 members and about 124 deaths per week.
#include <gtest/gtest.h>

#include <numeric>

#include "agents/cartel/membership_dynamics.hpp"
#include "agents/network/published_network.hpp"
#include "agents/scenario/scenario.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::agents {
namespace {

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

struct Trajectory {
  double first_week_deaths = 0.0;
  double final_members = 0.0;
  double final_week_deaths = 0.0;
};

Trajectory run_expected(int substeps) {
  sim::Diagnostics diagnostics;
  const auto network = load_published_network(testing::published_network_dir(), diagnostics);
  const auto parameters = read_core_parameters(sim::ParameterValues(model_parameter_table()));
  MembershipDynamics dynamics(ConflictNetwork(network.size(), network.rivalries, network.alliances),
                              parameters);
  auto members = initial_members_by_rank(network, parameters.initial_members);
  EXPECT_NEAR(sum(members), 115000.0, 1e-6);
  const auto drivers = MembershipDrivers::uniform(network.size(), parameters);
  MembershipFlows flows;
  Trajectory result;
  for (int week = 1; week <= 520; ++week) {
    dynamics.step_expected(members, drivers, substeps, flows);
    if (week == 1) result.first_week_deaths = sum(flows.deaths);
  }
  result.final_members = sum(members);
  result.final_week_deaths = sum(flows.deaths);
  return result;
}

TEST(CoreCalibration, ExpectedModeReproducesThePublishedTrajectory) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const Trajectory t = run_expected(1);
  EXPECT_NEAR(t.first_week_deaths, 67.0, 0.01 * 67.0);
  EXPECT_NEAR(t.final_members, 173800.0, 0.01 * 173800.0);
  EXPECT_NEAR(t.final_week_deaths, 124.0, 0.01 * 124.0);
}

TEST(CoreCalibration, RungeKuttaSubstepsAgreeToFiveDigits) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const Trajectory one = run_expected(1);
  const Trajectory eight = run_expected(8);
  EXPECT_NEAR(one.final_members, eight.final_members, 1e-5 * eight.final_members);
}

TEST(CoreCalibration, FlowsBalanceMembers) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  sim::Diagnostics diagnostics;
  const auto network = load_published_network(testing::published_network_dir(), diagnostics);
  const auto parameters = read_core_parameters(sim::ParameterValues(model_parameter_table()));
  MembershipDynamics dynamics(ConflictNetwork(network.size(), network.rivalries, network.alliances),
                              parameters);
  auto members = initial_members_by_rank(network, parameters.initial_members);
  const double before = sum(members);
  MembershipFlows flows;
  dynamics.step_expected(members, MembershipDrivers::uniform(network.size(), parameters), 2, flows);
  const double net =
      sum(flows.recruits) - sum(flows.incapacitated) - sum(flows.deaths) - sum(flows.exits);
  EXPECT_NEAR(sum(members) - before, net, 1e-8);
  // 110 arrests a week are shared among all cartels.
  EXPECT_NEAR(sum(flows.incapacitated), 110.0, 0.5);
}

}  // namespace
}  // namespace seccoop::agents
