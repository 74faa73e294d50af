// Regions from the project's CSV format, and the problems the CSV reader path reports.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/agents/world/world_test_support.hpp"
#include "tests/support/command.hpp"

namespace seccoop::testing {
namespace {

/// The small world with its `regions:` list replaced by `regions_line`.
std::string world_with_regions(const std::string& regions_line) {
  const std::string world = small_world_yaml();
  const auto begin = world.find("regions:");
  const auto end = world.find("total_members");
  return world.substr(0, begin) + regions_line + "\n" + world.substr(end);
}

class RegionsCsv : public ::testing::Test {
 protected:
  /// Reads the small world with its regions taken from a CSV file holding `csv`.
  std::string problems_with(const std::string& csv) {
    std::ofstream(dir_ / "regions.csv") << csv;
    const std::string world_text = world_with_regions("regions: regions.csv");
    sim::Diagnostics diagnostics;
    const auto document =
        sim::YamlDocument::load_text(world_text, (dir_ / "world.yaml").string(), diagnostics);
    world_ = agents::read_world(*document.root(), dir_ / "world.yaml");
    std::string text;
    for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
    return text;
  }
  TempDir dir_;
  agents::WorldDefinition world_;
};

constexpr const char* kHeader = "code,name,population,borders_us,neighbours\n";

TEST_F(RegionsCsv, ReadsCodesPopulationBorderAndNeighbours) {
  EXPECT_EQ(
      problems_with(std::string(kHeader) + "AAA,Alpha,100,1,BBB\nBBB,\"Beta, B\",300,0,AAA\n"), "");
  ASSERT_EQ(world_.regions.size(), 2U);
  EXPECT_EQ(world_.regions.names[1], "Beta, B");
  EXPECT_EQ(world_.regions.borders_us, (std::vector<std::uint8_t>{1, 0}));
  EXPECT_DOUBLE_EQ(world_.regions.population[1], 300.0);
}

TEST_F(RegionsCsv, BadRowsNameFileLineAndColumn) {
  const auto problems =
      problems_with(std::string(kHeader) + "AAA,Alpha,lots,2,BBB\nBBB,Beta,300,0,AAA;CCC\n");
  const std::string file = (dir_ / "regions.csv").string();
  EXPECT_NE(
      problems.find(
          file +
          ":2:1: key 'population': bad value (expected a number in [0, 1e+10], found \"lots\")"),
      std::string::npos)
      << problems;
  EXPECT_NE(
      problems.find(file + ":2:1: key 'borders_us': bad value (expected 0 or 1, found \"2\")"),
      std::string::npos)
      << problems;
  EXPECT_NE(
      problems.find(
          file +
          ":3:1: key 'BBB': unknown neighbour (expected the code of another region, found 'CCC')"),
      std::string::npos)
      << problems;
}

TEST_F(RegionsCsv, MissingColumnAndMissingFile) {
  EXPECT_NE(problems_with("code,name,population,neighbours\nAAA,Alpha,1,\n").find("missing column"),
            std::string::npos);
  std::filesystem::remove(dir_ / "regions.csv");
  sim::Diagnostics diagnostics;
  const std::string text = world_with_regions("regions: nowhere.csv");
  const auto document = sim::YamlDocument::load_text(text, "w.yaml", diagnostics);
  agents::read_world(*document.root(), dir_ / "w.yaml");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics.items()[0].to_string(),
            "w.yaml:2:10: key 'regions': file not found (expected a regions CSV file, found \"" +
                (dir_ / "nowhere.csv").string() + "\")");
}

TEST_F(RegionsCsv, AFileTooLargeIsReportedAtTheKeyWithItsSize) {
  const auto big = dir_ / "big.csv";
  std::ofstream(big).close();
  std::filesystem::resize_file(big, (std::uintmax_t{16} << 20) + 1);  // one byte over the limit
  sim::Diagnostics diagnostics;
  const std::string text = world_with_regions("regions: big.csv");
  const auto document = sim::YamlDocument::load_text(text, "w.yaml", diagnostics);
  agents::read_world(*document.root(), dir_ / "w.yaml");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics.items()[0].to_string(),
            "w.yaml:2:10: key 'regions': file too large for a CSV table (expected at most "
            "16777216 bytes, found \"" +
                big.string() + "\" (16777217 bytes))");
}

}  // namespace
}  // namespace seccoop::testing
