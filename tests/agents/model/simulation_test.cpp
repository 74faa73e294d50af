#include "agents/model/simulation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "agents/scenario/experiment.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::agents {
namespace {

double final_members(const RunRecord& record) {
  const auto last = record.week_values(Series::members, record.weeks());
  return std::accumulate(last.begin(), last.end(), 0.0);
}

Experiment load(const std::string& scenario) {
  return load_experiment(testing::config_dir() / "scenarios" / scenario, {});
}

TEST(Simulation, StochasticMeanOfHundredReplicationsIsWithinTwoPercentOfExpected) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const auto expected_experiment = load("core-2012.yaml");
  const auto stochastic_experiment = load("core-2012-stochastic.yaml");
  const World expected_world = build_world(expected_experiment.scenarios[0]);
  const World stochastic_world = build_world(stochastic_experiment.scenarios[0]);

  const RunRecord reference = simulate_run(expected_world, {.master_seed = 1, .run_index = 0});
  double mean = 0.0;
  double mean_deaths = 0.0;
  constexpr int kReplications = 100;
  for (int r = 0; r < kReplications; ++r) {
    const RunRecord run = simulate_run(
        stochastic_world, {.master_seed = 7, .run_index = static_cast<std::uint64_t>(r)});
    mean += final_members(run) / kReplications;
    mean_deaths += run.get(Series::deaths, run.weeks()) / kReplications;
  }
  EXPECT_NEAR(mean, final_members(reference), 0.02 * final_members(reference));
  const double reference_deaths = reference.get(Series::deaths, reference.weeks());
  EXPECT_NEAR(mean_deaths, reference_deaths, 0.02 * reference_deaths);
}

TEST(Simulation, StochasticMembersAreWholeNumbersAndFlowsBalance) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const auto experiment = load("core-2012-stochastic.yaml");
  const World world = build_world(experiment.scenarios[0]);
  const RunRecord run = simulate_run(world, {.master_seed = 3, .run_index = 5});
  for (const double members : run.values(Series::members)) ASSERT_EQ(members, std::floor(members));
  double start = 0.0;
  for (const auto& cartel : world.definition->cartels) start += std::round(cartel.initial_members);
  double net = 0.0;
  for (std::size_t w = 1; w <= run.weeks(); ++w) {
    net += run.get(Series::recruits, w) - run.get(Series::incapacitated, w) -
           run.get(Series::deaths, w) - run.get(Series::exits, w);
  }
  EXPECT_EQ(final_members(run), start + net);
}

TEST(Simulation, SameKeySameRunDifferentKeyDifferentRun) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const auto experiment = load("core-2012-stochastic.yaml");
  const World world = build_world(experiment.scenarios[0]);
  const RunRecord a = simulate_run(world, {.master_seed = 11, .run_index = 2});
  const RunRecord b = simulate_run(world, {.master_seed = 11, .run_index = 2});
  const RunRecord c = simulate_run(world, {.master_seed = 12, .run_index = 2});
  const RunRecord d = simulate_run(world, {.master_seed = 11, .run_index = 3});
  EXPECT_EQ(a.values(Series::members), b.values(Series::members));
  EXPECT_EQ(a.values(Series::deaths), b.values(Series::deaths));
  EXPECT_NE(a.values(Series::members), c.values(Series::members));
  EXPECT_NE(a.values(Series::members), d.values(Series::members));
}

TEST(Simulation, ARunWritesEveryEntryOfItsRecordAndKeepsNothingOfAnEarlierRun) {
  // simulate_run does not zero its record first (RunRecord::to_be_filled): the record phase
  // writes every entry of every series every week. Checked builds start that record as NaN, so
  // an entry left unwritten shows here; and a run made again, after another run's record was
  // freed for the next record to take, must not differ from the first in a single entry.
  const auto experiment = load("baseline.yaml");
  const World world = build_world(experiment.scenarios[0]);
  const RunRecord first = simulate_run(world, {.master_seed = 5, .run_index = 0});
  { const RunRecord other = simulate_run(world, {.master_seed = 5, .run_index = 1}); }
  const RunRecord again = simulate_run(world, {.master_seed = 5, .run_index = 0});
  for (const SeriesSpec& spec : series_catalog()) {
    ASSERT_FALSE(first.values(spec.id).empty()) << spec.name;  // the world has every axis
    for (const double value : first.values(spec.id)) ASSERT_FALSE(std::isnan(value)) << spec.name;
    EXPECT_EQ(first.values(spec.id), again.values(spec.id)) << spec.name;
  }
}

TEST(Simulation, ARecordMadeEmptyStartsAtZero) {
  const RunRecord record(0, 3, {.cartels = 2, .regions = 1, .actors = 1, .trust_edges = 1});
  for (const SeriesSpec& spec : series_catalog()) {
    for (const double value : record.values(spec.id)) ASSERT_EQ(value, 0.0) << spec.name;
  }
}

}  // namespace
}  // namespace seccoop::agents
