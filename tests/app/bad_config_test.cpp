// Every kind of bad configuration gives a clear error with file, line and key, exit code 2,
// and no results file.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/command.hpp"

namespace seccoop::testing {
namespace {

class BadConfig : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    const auto path = dir_ / "scenario.yaml";
    std::ofstream(path) << text;
    return path.string();
  }
  static std::string valid_prefix() { return "schema_version: 1\nname: x\nstart: 2012-01-02\n"; }
  TempDir dir_;
};

TEST_F(BadConfig, SyntaxError) {
  const auto file = write(valid_prefix() + "weeks: [10\nnetwork: {}\n");
  const auto result = run_seccoop("validate " + file);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find(file + ":5:"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("YAML syntax error"), std::string::npos) << result.output;
}

TEST_F(BadConfig, UnknownKeyWithSuggestion) {
  const auto file =
      write(valid_prefix() +
            "weeks: 10\nintegraton: expected\nnetwork: {source: published, directory: .}\n");
  const auto result = run_seccoop("validate " + file);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find(file +
                               ":5:1: key 'integraton': unknown key (did you mean 'integration'?)"),
            std::string::npos)
      << result.output;
}

TEST_F(BadConfig, WrongTypeAndOutOfRangeAreBothReported) {
  const auto file = write(valid_prefix() +
                          "weeks: many\nnetwork: {source: published, directory: .}\n"
                          "parameters:\n  core:\n    recruitment_rate_per_week: 1.5\n");
  const auto result = run_seccoop("validate " + file);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(
      result.output.find(
          file +
          ":4:8: key 'weeks': wrong type (expected a whole number in [1, 100000], found \"many\")"),
      std::string::npos)
      << result.output;
  EXPECT_NE(
      result.output.find(file + ":8:32: key 'parameters.core.recruitment_rate_per_week': value out "
                                "of range (expected a number in [0, 1], found \"1.5\")"),
      std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("2 problems found"), std::string::npos) << result.output;
}

TEST_F(BadConfig, MissingFile) {
  const auto result = run_seccoop("validate " + (dir_ / "nope.yaml").string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("nope.yaml: file not found"), std::string::npos) << result.output;
}

TEST_F(BadConfig, MissingNetworkFolderFailsTheRunAndWritesNothing) {
  const auto file =
      write(valid_prefix() + "weeks: 10\nnetwork: {source: published, directory: nowhere}\n");
  const auto output = dir_ / "out.h5";
  const auto result = run_seccoop("run " + file + " -o " + output.string() + " --quiet");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("BACRIM2020_Nodes.csv: file not found"), std::string::npos)
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(output));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "out.h5.partial"));
}

TEST_F(BadConfig, BadOverrideOnTheCommandLine) {
  const auto file =
      write(valid_prefix() + "weeks: 10\nnetwork: {source: published, directory: .}\n");
  const auto result = run_seccoop("run " + file + " --set core.recruitment_rate=0.1 -o " +
                                  (dir_ / "o.h5").string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(
      result.output.find("unknown parameter (did you mean 'core.recruitment_rate_per_week'?)"),
      std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace seccoop::testing
