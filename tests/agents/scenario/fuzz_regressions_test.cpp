// Every input in tests/data/fuzz-regressions/ (see its README) once crashed a fuzzer or was
// handled badly; each must now give a clean error for the user, with the message its .expect
// file holds, and nothing else.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "agents/model/world.hpp"
#include "agents/network/published_network.hpp"
#include "agents/scenario/experiment.hpp"
#include "sim/config/csv_reader.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::agents {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

/// The error an experiment file gives, or "" when it loads.
std::string yaml_error(const std::string& text) {
  try {
    static_cast<void>(
        load_experiment_text(text, testing::config_dir() / "experiments" / "input.yaml", {}));
  } catch (const sim::UserError& error) {
    return error.what();
  }
  return {};
}

/// The problems of a CSV input read as a table and as the published network's files.
std::string csv_error(const std::string& text, const fs::path& folder) {
  sim::Diagnostics table_diagnostics;
  const auto table = sim::CsvTable::parse(text, "input.csv", table_diagnostics);
  for (const auto& row : table.rows()) EXPECT_EQ(row.fields.size(), table.header().size());
  const char* const names[] = {"BACRIM2020_Nodes.csv", "BACRIM2020_Rivals.csv",
                               "BACRIM2020_Alliances.csv"};
  std::size_t from = 0;
  for (const char* name : names) {
    const std::size_t end = std::min(text.find('\f', from), text.size());
    std::ofstream(folder / name, std::ios::binary)
        << text.substr(std::min(from, text.size()), end - std::min(from, text.size()));
    from = end + 1;
  }
  Scenario scenario{.name = "regression",
                    .start = *sim::Date::parse_iso("2012-01-02"),
                    .weeks = 3,
                    .network = NetworkSource{.directory = folder},
                    .parameters = sim::ParameterValues(model_parameter_table())};
  try {
    static_cast<void>(build_world(scenario));
  } catch (const sim::UserError& error) {
    return error.what();
  }
  return {};
}

TEST(FuzzRegressions, EveryInputGivesItsCleanError) {
  const fs::path folder = testing::source_dir() / "tests" / "data" / "fuzz-regressions";
  const testing::TempDir scratch;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const fs::path& input = entry.path();
    if (input.extension() != ".yaml" && input.extension() != ".csv") continue;
    const fs::path expect_file = input.string() + ".expect";
    ASSERT_TRUE(fs::exists(expect_file)) << input << " needs a .expect file";
    const std::string expected = read(expect_file);
    const std::string text = read(input);
    const std::string error =
        input.extension() == ".yaml" ? yaml_error(text) : csv_error(text, scratch.path());
    EXPECT_NE(error.find(expected), std::string::npos)
        << input.filename() << ": expected \"" << expected << "\" in \"" << error << "\"";
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

}  // namespace
}  // namespace seccoop::agents
