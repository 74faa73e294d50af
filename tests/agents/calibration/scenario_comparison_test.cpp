// The brief's question, as a test of the model's behaviour (not of a forced outcome): with
// replications, unilateral scenarios end with lower Mexican trust in the US and fewer joint
// operations than the cooperative framework.
#include <gtest/gtest.h>

#include "tests/agents/calibration/scenario_runs.hpp"

namespace seccoop::agents {
namespace {

struct Ending {
  double trust_mx_in_us = 0.0;
  double joint_effort = 0.0;  // total over the run
};

Ending ending(const std::string& file) {
  const auto runs = testing::run_scenario(file, 10);
  const auto last = static_cast<std::size_t>(runs.scenario().weeks);
  Ending e;
  for (const auto& run : runs.runs) {
    e.trust_mx_in_us += run.get(Series::trust_mx_in_us, last) / 10.0;
    for (std::size_t w = 1; w <= last; ++w)
      e.joint_effort += run.week_values(Series::operations, w)[0] / 10.0;
  }
  return e;
}

TEST(ScenarioComparison, UnilateralActionErodesTrustAndJointWorkThatCooperationBuilds) {
  const Ending cooperative = ending("cooperative-framework.yaml");
  for (const char* unilateral : {"unilateral-strikes.yaml", "unilateral-drift.yaml"}) {
    const Ending alone = ending(unilateral);
    EXPECT_LT(alone.trust_mx_in_us, cooperative.trust_mx_in_us - 0.2) << unilateral;
    EXPECT_LT(alone.joint_effort, 0.5 * cooperative.joint_effort) << unilateral;
  }
}

}  // namespace
}  // namespace seccoop::agents
