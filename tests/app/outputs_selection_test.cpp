// The experiment's `outputs` key: a subset of series, every k-th week (with week, time and date
// coordinates that follow), or per-run summaries only; values equal those of a full record.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "sim/io/results_reader.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;
using sim::io::ResultsReader;

constexpr std::size_t kWeeks = 104;  // small-stochastic.yaml

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

/// Opens `file` with xarray's two netCDF engines and checks its dimensions; "" when it does,
/// else what went wrong. Skips (returns "skip") when Debian's python3-xarray is missing.
std::string xarray_problems(const fs::path& file, const std::string& expected_sizes) {
  const std::string script =
      "import sys\n"
      "try:\n"
      "    import xarray as xr, h5netcdf, netCDF4\n"
      "except ImportError:\n"
      "    sys.exit(77)\n"
      "for engine in ('h5netcdf', 'netcdf4'):\n"
      "    ds = xr.open_dataset(sys.argv[1], engine=engine)\n"
      "    sizes = str(dict(ds.sizes))\n"
      "    assert sizes == sys.argv[2], engine + ': ' + sizes\n"
      "    if 'time' in ds.variables:\n"
      "        assert str(ds.time.values[0])[:10] == str(ds.date.values[0][0]), engine\n";
  const auto result = run_shell("/usr/bin/python3 -c \"" + script + "\" '" + file.string() +
                                "' \"" + expected_sizes + "\"");
  if (result.exit_code == 77 && std::getenv("SECCOOP_REQUIRE_NETCDF_CHECK") == nullptr)
    return "skip";
  return result.exit_code == 0 ? "" : result.output;
}

class OutputsSelection : public ::testing::Test {
 protected:
  /// Runs an experiment of 3 replicates of small-stochastic with `outputs` (YAML, may be
  /// empty); returns the results file.
  fs::path run(const std::string& name, const std::string& outputs) {
    const auto file = dir_ / (name + ".yaml");
    std::ofstream(file) << "schema_version: 1\nname: " << name << "\nscenarios:\n  - "
                        << (source_dir() / "tests/data/configs/small-stochastic.yaml").string()
                        << "\nreplications: 3\nseed: 11\n"
                        << outputs;
    const auto output = dir_ / (name + ".h5");
    const auto result = run_seccoop("run " + file.string() + " --quiet -o " + output.string());
    EXPECT_EQ(result.exit_code, 0) << result.output;
    return output;
  }
  std::string validate(const std::string& outputs) {
    const auto file = dir_ / "bad.yaml";
    std::ofstream(file) << "schema_version: 1\nname: bad\nscenarios:\n  - "
                        << (source_dir() / "tests/data/configs/small-stochastic.yaml").string()
                        << "\n"
                        << outputs;
    const auto result = run_seccoop("validate " + file.string());
    EXPECT_EQ(result.exit_code, 2) << result.output;
    return result.output;
  }
  TempDir dir_;
};

TEST_F(OutputsSelection, SeriesAndWeekStrideFollowTheSelection) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const ResultsReader full(run("full", ""));
  const ResultsReader some(
      run("some", "outputs:\n  variables: [members, homicides]\n  week_stride: 4\n"));
  EXPECT_NE(full.schema().find_variable("deaths"), nullptr);
  EXPECT_EQ(some.schema().find_variable("deaths"), nullptr);
  for (const char* always : {"run", "run_scenario", "seed", "completed", "wall_time"}) {
    EXPECT_NE(some.schema().find_variable(always), nullptr) << always;
  }
  ASSERT_EQ(some.dimension_size("week"), kWeeks / 4);
  const auto weeks = some.read_int64s("week");
  const auto days = some.read_int64s("time");
  const auto dates = some.read_strings("date");
  const auto full_dates = full.read_strings("date");
  for (std::size_t k = 0; k < weeks.size(); ++k) {
    EXPECT_EQ(weeks[k], static_cast<std::int64_t>(4 * (k + 1)));
    EXPECT_EQ(days[k], 7 * weeks[k]);
    EXPECT_EQ(dates[k], full_dates[4 * (k + 1) - 1]);
  }
  const auto homicides = some.read_doubles("homicides");
  const auto all_homicides = full.read_doubles("homicides");
  const auto members = some.read_doubles("members");
  const auto all_members = full.read_doubles("members");
  const std::size_t cartels = full.dimension_size("cartel");
  ASSERT_EQ(some.dimension_size("cartel"), cartels);
  for (std::size_t run = 0; run < 3; ++run) {
    for (std::size_t k = 0; k < kWeeks / 4; ++k) {
      const std::size_t week = 4 * (k + 1) - 1;
      ASSERT_TRUE(same_bits(homicides[run * (kWeeks / 4) + k], all_homicides[run * kWeeks + week]));
      for (std::size_t c = 0; c < cartels; ++c) {
        ASSERT_TRUE(same_bits(members[(run * (kWeeks / 4) + k) * cartels + c],
                              all_members[(run * kWeeks + week) * cartels + c]));
      }
    }
  }
  EXPECT_NE(full.global_text_attribute("experiment_yaml").find("week_stride: 1"),
            std::string::npos);
  const auto problems = xarray_problems(
      dir_ / "some.h5",
      "{'run': 3, 'week': 26, 'scenario': 1, 'cartel': " + std::to_string(cartels) +
          ", 'event': 16}");  // event slots: one per possible faction (cartel.max_factions)
  EXPECT_TRUE(problems.empty() || problems == "skip") << problems;
}

TEST_F(OutputsSelection, SummariesOnlyHoldTheFinalValueAndTheMeanOverWeeks) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const ResultsReader full(run("full", ""));
  const ResultsReader summaries(
      run("summaries", "outputs:\n  variables: [homicides, members]\n  summaries_only: true\n"));
  EXPECT_EQ(summaries.schema().find_dimension("week"), nullptr);
  EXPECT_EQ(summaries.schema().find_variable("homicides"), nullptr);
  const auto all = full.read_doubles("homicides");
  const auto final_values = summaries.read_doubles("homicides_final");
  const auto means = summaries.read_doubles("homicides_mean");
  for (std::size_t run = 0; run < 3; ++run) {
    double sum = 0.0;  // in week order, as the writer sums
    for (std::size_t w = 0; w < kWeeks; ++w) sum += all[run * kWeeks + w];
    EXPECT_TRUE(same_bits(final_values[run], all[run * kWeeks + kWeeks - 1])) << run;
    EXPECT_TRUE(same_bits(means[run], sum / static_cast<double>(kWeeks))) << run;
  }
  const std::size_t cartels = full.dimension_size("cartel");
  const auto members = full.read_doubles("members");
  const auto members_final = summaries.read_doubles("members_final");
  ASSERT_EQ(members_final.size(), 3 * cartels);
  for (std::size_t c = 0; c < cartels; ++c) {
    EXPECT_TRUE(same_bits(members_final[c], members[(kWeeks - 1) * cartels + c])) << c;
  }
  const auto problems = xarray_problems(
      dir_ / "summaries.h5",
      "{'run': 3, 'scenario': 1, 'cartel': " + std::to_string(cartels) + ", 'event': 16}");
  EXPECT_TRUE(problems.empty() || problems == "skip") << problems;
}

TEST_F(OutputsSelection, UnknownSeriesIsAnErrorWithDidYouMean) {
  const auto output = validate("outputs:\n  variables: [homicides, membres]\n");
  EXPECT_NE(output.find(":6:26: key 'outputs.variables[1]': unknown series (did you mean "
                        "'members'?)"),
            std::string::npos)
      << output;
}

TEST_F(OutputsSelection, BadKeysAndStridesAreErrors) {
  const auto output = validate("outputs:\n  week_strid: 2\n  summaries_only: maybe\n");
  EXPECT_NE(output.find("key 'outputs.week_strid': unknown key (did you mean 'week_stride'?)"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find("key 'outputs.summaries_only'"), std::string::npos) << output;
  const auto stride = validate("outputs:\n  week_stride: 200\n");
  EXPECT_NE(stride.find("key 'outputs.week_stride': stride longer than the longest scenario: no "
                        "week would be recorded (expected a whole number in [1, 104], found 200)"),
            std::string::npos)
      << stride;
}

}  // namespace
}  // namespace seccoop::testing
