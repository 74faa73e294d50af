// `seccoop info`, `summarize` and `scenarios`: what they print, that summarize's intervals
// follow the documented formula, and that every bad input is one clear line with exit code 2.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "agents/output/replicate_statistics.hpp"
#include "sim/io/results_file.hpp"
#include "sim/io/results_reader.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExperiment =
    (source_dir() / "tests/data/configs/small-experiment.yaml").string();

/// One shared results file of small-experiment (6 replicates), made once for the suite.
class ResultsCommands : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(published_network_dir() / "BACRIM2020_Nodes.csv")) return;
    dir_ = new TempDir();
    const auto result = run_seccoop("run " + kExperiment + " --quiet -o " + results().string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { SECCOOP_REQUIRE_PUBLISHED_NETWORK(); }
  static fs::path results() { return *dir_ / "small.h5"; }
  static TempDir* dir_;
};
TempDir* ResultsCommands::dir_ = nullptr;

TEST_F(ResultsCommands, InfoTellsWhatTheFileHolds) {
  const auto result = run_seccoop("info " + results().string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  for (const char* line :
       {"state        committed", "experiment   small-experiment", "scenarios    small-stochastic",
        "runs         6 of 6 complete", "dimensions   run = 6, week = 104, scenario = 1"}) {
    EXPECT_NE(result.output.find(line), std::string::npos) << line << "\n" << result.output;
  }
  EXPECT_NE(result.output.find("seccoop      0."), std::string::npos) << result.output;
  const std::regex homicides(R"(\n  homicides +\(run, week\) +float64 +homicides/week\n)");
  EXPECT_TRUE(std::regex_search(result.output, homicides)) << result.output;
}

TEST_F(ResultsCommands, SummarizeGivesMeansAndStudentIntervalsOfCompletedRuns) {
  const auto csv = run_seccoop("summarize --csv " + results().string());
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  std::istringstream lines(csv.output);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header, "scenario,sweep_point,outcome,units,runs,mean,ci95_low,ci95_high");
  std::map<std::string, std::vector<std::string>> rows;
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields;
    std::istringstream fields_in(line);
    for (std::string field; std::getline(fields_in, field, ',');) fields.push_back(field);
    ASSERT_EQ(fields.size(), 8U) << line;
    EXPECT_EQ(fields[0], "small-stochastic");
    rows[fields[2]] = fields;
  }
  for (const char* outcome :
       {"homicides_per_year_last_52_weeks", "members_final", "deaths_final", "homicides_final"}) {
    EXPECT_TRUE(rows.contains(outcome)) << outcome << "\n" << csv.output;
  }

  // Recompute homicides per year over the last 52 weeks from the file, by the documented formula.
  const sim::io::ResultsReader reader(results());
  const auto homicides = reader.read_doubles("homicides");
  const std::size_t weeks = reader.dimension_size("week");
  std::vector<double> per_year;
  for (std::size_t run = 0; run < 6; ++run) {
    double sum = 0.0;
    for (std::size_t w = weeks - 52; w < weeks; ++w) sum += homicides[run * weeks + w];
    per_year.push_back(sum);
  }
  double mean = 0.0;
  for (const double x : per_year) mean += x / 6.0;
  double squares = 0.0;
  for (const double x : per_year) squares += (x - mean) * (x - mean);
  const double half =
      2.5705818366147395 * std::sqrt(squares / 5.0) / std::sqrt(6.0);  // t(0.975, 5)
  const auto& row = rows["homicides_per_year_last_52_weeks"];
  EXPECT_EQ(row[3], "homicides/year");
  EXPECT_EQ(row[4], "6");
  EXPECT_NEAR(std::stod(row[5]), mean, 1e-9 * mean);
  EXPECT_NEAR(std::stod(row[6]), mean - half, 1e-9 * mean);
  EXPECT_NEAR(std::stod(row[7]), mean + half, 1e-9 * mean);
  EXPECT_GT(half, 0.0);

  const auto table = run_seccoop("summarize " + results().string());
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_NE(table.output.find("95% low"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("homicides_per_year_last_52_weeks  homicides/year"),
            std::string::npos)
      << table.output;
}

TEST(StudentT, QuantilesMatchPublishedTables) {
  // Abramowitz & Stegun table 26.10 / any statistics text, t_{0.975, dof}.
  const std::vector<std::pair<double, double>> table = {
      {1, 12.706204736}, {2, 4.302652730},   {5, 2.570581836}, {10, 2.228138852},
      {30, 2.042272456}, {120, 1.979930405}, {1e6, 1.959966}};
  for (const auto& [dof, t] : table) {
    EXPECT_NEAR(agents::student_t_quantile(0.975, dof), t, 1e-6) << dof;
  }
  EXPECT_NEAR(agents::student_t_quantile(0.025, 5), -2.570581836, 1e-6);
}

TEST(StudentT, IntervalOfOneRunIsUndefined) {
  agents::RunningStatistics one;
  one.add(3.0);
  const auto estimate = agents::mean_with_95_interval(one);
  EXPECT_EQ(estimate.mean, 3.0);
  EXPECT_TRUE(std::isnan(estimate.low) && std::isnan(estimate.high));
}

TEST(ScenariosCommand, ListsShippedScenariosWithDescriptions) {
  const auto result = run_seccoop("scenarios");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("scenarios in " + config_dir().string()), std::string::npos)
      << result.output;
  const std::regex core(R"(\ncore-2012 +Published cartel-membership model, expected values)");
  EXPECT_TRUE(std::regex_search(result.output, core)) << result.output;
  const auto missing = run_shell("SECCOOP_CONFIG_DIR=/nonexistent '" +
                                 std::string(SECCOOP_EXECUTABLE) + "' scenarios");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("error: /nonexistent/scenarios: no scenario folder"),
            std::string::npos)
      << missing.output;
}

/// Every bad input: exit code 2 and exactly one line, naming the file.
class BadResultsFile : public ::testing::Test {
 protected:
  void expect_one_line_error(const fs::path& file, const std::string& reason) {
    for (const std::string command : {"info ", "summarize ", "summarize --csv "}) {
      const auto result = run_seccoop(command + file.string());
      EXPECT_EQ(result.exit_code, 2) << command << result.output;
      EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << result.output;
      EXPECT_EQ(result.output.rfind("error: results file '" + file.string() + "': ", 0), 0U)
          << result.output;
      EXPECT_NE(result.output.find(reason), std::string::npos) << command << result.output;
    }
  }
  TempDir dir_;
};

TEST_F(BadResultsFile, MissingFile) { expect_one_line_error(dir_ / "none.h5", "no such file"); }

TEST_F(BadResultsFile, MissingFileWithAPartialPointsAtIt) {
  std::ofstream(dir_ / "out.h5.partial") << "x";
  expect_one_line_error(dir_ / "out.h5", "an interrupted or running job left '" +
                                             (dir_ / "out.h5.partial").string() + "'");
}

TEST_F(BadResultsFile, NotHdf5) {
  std::ofstream(dir_ / "notes.h5") << "these are not the results you are looking for\n";
  expect_one_line_error(dir_ / "notes.h5", "not an HDF5 file");
}

TEST_F(BadResultsFile, ForeignHdf5) {
  const auto path = dir_ / "foreign.h5";
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  const hsize_t size = 3;
  const hid_t space = H5Screate_simple(1, &size, nullptr);
  const hid_t dataset =
      H5Dcreate2(file, "x", H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  const double values[] = {1, 2, 3};
  H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
  H5Dclose(dataset);
  H5Sclose(space);
  H5Fclose(file);
  expect_one_line_error(path, "axis 0 has no dimension scale attached");
}

TEST_F(BadResultsFile, NetcdfFileNotWrittenBySeccoop) {
  const auto path = dir_ / "other.nc";
  sim::io::FileSchema schema;
  schema.dimensions = {{.name = "x", .size = 2}};
  schema.variables = {
      {.name = "x",
       .dimensions = {"x"},
       .type = sim::io::ValueType::float64,
       .attributes = {{"units", std::string("1")}, {"long_name", std::string("x")}}}};
  auto file = sim::io::ResultsFile::create(path, schema, {{"title", std::string("not ours")}});
  file.commit();
  expect_one_line_error(path, "not a seccoop results file (it has no 'experiment_yaml' attribute)");
}

TEST_F(BadResultsFile, TruncatedResults) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  const auto whole = dir_ / "whole.h5";
  ASSERT_EQ(run_seccoop("run " + kExperiment + " --quiet -o " + whole.string()).exit_code, 0);
  const auto cut = dir_ / "cut.h5";
  fs::copy_file(whole, cut);
  fs::resize_file(cut, fs::file_size(whole) / 2);
  expect_one_line_error(cut, "truncated");
}

}  // namespace
}  // namespace seccoop::testing
