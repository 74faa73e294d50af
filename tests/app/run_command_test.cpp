// `seccoop run` end to end: results files are identical for any thread count, depend on the
// seed, open in xarray with named dimensions, and are never overwritten without --force.
#include <gtest/gtest.h>

#include "sim/io/results_reader.hpp"
#include "tests/app/results_comparison.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

const std::string kExperiment =
    (source_dir() / "tests/data/configs/small-experiment.yaml").string();

TEST(RunCommand, SameSeedIsBitIdenticalAcrossThreadCountsAndSeedsDiffer) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  // 8 threads on fewer cores still interleaves runs differently from 1 and 2.
  for (const char* threads : {"1", "2", "8"}) {
    const auto result = run_seccoop("run " + kExperiment + " --quiet --threads " + threads +
                                    " -o " + (dir / (std::string("t") + threads + ".h5")).string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  expect_same_data(dir / "t1.h5", dir / "t2.h5");
  expect_same_data(dir / "t1.h5", dir / "t8.h5");

  const auto other =
      run_seccoop("run " + kExperiment + " --quiet --seed 43 -o " + (dir / "s43.h5").string());
  ASSERT_EQ(other.exit_code, 0) << other.output;
  const sim::io::ResultsReader base(dir / "t1.h5");
  const sim::io::ResultsReader reseeded(dir / "s43.h5");
  EXPECT_NE(base.read_doubles("members"), reseeded.read_doubles("members"));
  // Within one file, replicates differ from each other too.
  const auto deaths = base.read_doubles("deaths");
  const std::size_t weeks = base.dimension_size("week");
  EXPECT_FALSE(std::equal(deaths.begin(), deaths.begin() + static_cast<std::ptrdiff_t>(weeks),
                          deaths.begin() + static_cast<std::ptrdiff_t>(weeks)));
}

TEST(RunCommand, ResultsOpenInXarrayWithNamedDimensions) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  const auto output = dir / "r.h5";
  const auto result = run_seccoop("run " + kExperiment + " --quiet -o " + output.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto check =
      run_shell("/usr/bin/python3 '" + (source_dir() / "tests/python/check_results.py").string() +
                "' '" + output.string() + "'");
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST(RunCommand, RefusesToOverwriteWithoutForce) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  const auto output = dir / "r.h5";
  ASSERT_EQ(run_seccoop("run " + kExperiment + " --quiet -o " + output.string()).exit_code, 0);
  const auto size = std::filesystem::file_size(output);
  const auto again = run_seccoop("run " + kExperiment + " --quiet -o " + output.string());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.output.find("error: '" + output.string() + "' already exists: add --force"),
            std::string::npos)
      << again.output;
  EXPECT_EQ(std::filesystem::file_size(output), size);
  EXPECT_EQ(run_seccoop("run " + kExperiment + " --quiet --force -o " + output.string()).exit_code,
            0);
}

}  // namespace
}  // namespace seccoop::testing
