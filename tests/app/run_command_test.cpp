// `seccoop run` end to end: results files are identical for any thread count, depend on the
// seed, open in xarray with named dimensions, and are never overwritten without --force.
#include <gtest/gtest.h>

#include <cstring>

#include "sim/io/results_reader.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

const std::string kExperiment = (source_dir() / "tests/data/configs/small-experiment.yaml").string();

/// Every variable's data, except the wall-clock time of each run.
void expect_same_data(const std::filesystem::path& a, const std::filesystem::path& b) {
  const sim::io::ResultsReader left(a);
  const sim::io::ResultsReader right(b);
  ASSERT_EQ(left.schema().variables.size(), right.schema().variables.size());
  for (const auto& variable : left.schema().variables) {
    if (variable.name == "wall_time") continue;
    if (variable.type == sim::io::ValueType::string) {
      EXPECT_EQ(left.read_strings(variable.name), right.read_strings(variable.name)) << variable.name;
      continue;
    }
    const auto x = left.read_doubles(variable.name);
    const auto y = right.read_doubles(variable.name);
    ASSERT_EQ(x.size(), y.size()) << variable.name;
    EXPECT_EQ(0, std::memcmp(x.data(), y.data(), x.size() * sizeof(double))) << variable.name;
  }
  EXPECT_EQ(left.global_text_attribute("experiment_yaml"), right.global_text_attribute("experiment_yaml"));
}

TEST(RunCommand, SameSeedIsBitIdenticalAcrossThreadCountsAndSeedsDiffer) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  TempDir dir;
  for (const char* threads : {"1", "2"}) {
    const auto result = run_seccoop("run " + kExperiment + " --quiet --threads " + threads + " -o " +
                                    (dir / (std::string("t") + threads + ".h5")).string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  expect_same_data(dir / "t1.h5", dir / "t2.h5");

  const auto other = run_seccoop("run " + kExperiment + " --quiet --seed 43 -o " + (dir / "s43.h5").string());
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
  const auto check = run_shell("/usr/bin/python3 '" + (source_dir() / "tests/python/check_results.py").string() +
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
  EXPECT_NE(again.output.find(output.string()), std::string::npos) << again.output;
  EXPECT_EQ(std::filesystem::file_size(output), size);
  EXPECT_EQ(run_seccoop("run " + kExperiment + " --quiet --force -o " + output.string()).exit_code, 0);
}

}  // namespace
}  // namespace seccoop::testing
