// A Sobol sweep through the whole pipeline: `seccoop run` writes the Saltelli design's runs,
// and the indices estimated from the written file match the analytic ones.
#include <gtest/gtest.h>

#include "agents/scenario/experiment.hpp"
#include "sim/experiment/sensitivity.hpp"
#include "sim/io/results_reader.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

TEST(SobolSweep, IndicesEstimatedFromTheFileMatchTheAnalyticOnes) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const auto experiment_file = source_dir() / "tests/data/configs/sobol-recruits.yaml";
  TempDir dir;
  const auto output = dir / "sobol.h5";
  const auto result = run_seccoop("run '" + experiment_file.string() + "' --quiet --threads 2 -o " +
                                  output.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;

  const auto experiment = agents::load_experiment(experiment_file, {});
  const sim::io::ResultsReader reader(output);
  ASSERT_EQ(reader.dimension_size("run"), 1024U * 5U);
  EXPECT_EQ(reader.global_text_attribute("sweep_method"), "sobol");
  // Every run records its swept values: row 0 is A_0, whose values are the design's.
  const auto rates = reader.read_doubles("core.recruitment_rate_per_week");
  EXPECT_EQ(rates[0], experiment.sweep->point(0)[0]);
  const auto recruits = reader.read_doubles("recruits");  // (run, week = 1)
  const auto indices = sim::sobol_indices(*experiment.sweep, recruits);

  // y = x1 x2 with x1 ~ U[0.002, 0.003], x2 ~ U[100000, 130000]; x3 has no effect.
  const double var1 = 0.001 * 0.001 / 12.0;
  const double var2 = 30000.0 * 30000.0 / 12.0;
  const double mean1 = 0.0025;
  const double mean2 = 115000.0;
  const double variance = var1 * var2 + var1 * mean2 * mean2 + var2 * mean1 * mean1;
  const double first[3] = {var1 * mean2 * mean2 / variance, var2 * mean1 * mean1 / variance, 0.0};
  const double total[3] = {(var1 * mean2 * mean2 + var1 * var2) / variance,
                           (var2 * mean1 * mean1 + var1 * var2) / variance, 0.0};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(indices[i].first_order, first[i], 0.03) << indices[i].path;
    EXPECT_NEAR(indices[i].total, total[i], 0.03) << indices[i].path;
  }
  EXPECT_EQ(indices[2].total, 0.0);  // the price of fentanyl plays no part in the core
}

}  // namespace
}  // namespace seccoop::testing
