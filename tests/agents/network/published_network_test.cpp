#include "agents/network/published_network.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/paths.hpp"

namespace seccoop::agents {
namespace {

TEST(PublishedNetwork, ImportsTheAuthorsFilesAsDistributed) {
  SECCOOP_REQUIRE_PUBLISHED_NETWORK();
  sim::Diagnostics diagnostics;
  const auto network = load_published_network(testing::published_network_dir(), diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << diagnostics.items().front().to_string();
  EXPECT_EQ(network.size(), 150U);
  // Quoted names holding commas survive intact.
  EXPECT_EQ(network.names[32], "Célula liderada por Alfonso Arzate García, El Aquiles");
  // Directed edges collapse to one undirected pair each (127 and 130 directed rows).
  EXPECT_EQ(network.rivalries.size(), 92U);
  EXPECT_EQ(network.alliances.size(), 91U);
  // CJNG (N10025) and La Nueva Familia Michoacana (N10076): rivalry 13 in both directions.
  const auto cjng = static_cast<std::uint32_t>(24);
  const auto lnfm = static_cast<std::uint32_t>(75);
  bool found = false;
  for (const auto& pair : network.rivalries) {
    if (pair.first == cjng && pair.second == lnfm) {
      EXPECT_EQ(pair.weight, 13.0);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

class BadNetworkFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("seccoop-net-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    write("BACRIM2020_Nodes.csv",
          "\xEF\xBB\xBFNode,Group,State,ShortName\nN1,A,X,A\nN2,\"B, b\",Y,B\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(BadNetworkFiles, SymmetricMaximumOfTheTwoDirections) {
  write("BACRIM2020_Rivals.csv",
        "Edge,Node,Group,RNode,RGroup,weight\nE1,N1,A,N2,B,2\nE2,N2,B,N1,A,5\n");
  write("BACRIM2020_Alliances.csv", "Edge,Node,Group,RNode,RGroup,weight\n");
  sim::Diagnostics diagnostics;
  const auto network = load_published_network(dir_, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  ASSERT_EQ(network.rivalries.size(), 1U);
  EXPECT_EQ(network.rivalries[0].weight, 5.0);
  EXPECT_EQ(network.names[1], "B, b");
}

TEST_F(BadNetworkFiles, UnknownNodeBadWeightAndMissingFileAreReportedWithLines) {
  write("BACRIM2020_Rivals.csv",
        "Edge,Node,Group,RNode,RGroup,weight\nE1,N1,A,N9,B,2\nE2,N2,B,N1,A,-1\nE3,N2,B,N1,A,x\n");
  sim::Diagnostics diagnostics;
  load_published_network(dir_, diagnostics);
  const auto& items = diagnostics.items();
  ASSERT_EQ(items.size(), 4U);
  EXPECT_EQ(items[0].where.line, 2);
  EXPECT_EQ(items[0].message, "unknown node id");
  EXPECT_EQ(items[0].found, "N9");
  EXPECT_EQ(items[1].where.line, 3);
  EXPECT_EQ(items[1].expected, "a number in [0, 1e+06]");
  EXPECT_EQ(items[2].found, "\"x\"");
  EXPECT_NE(items[3].to_string().find("BACRIM2020_Alliances.csv: file not found"),
            std::string::npos);
}

}  // namespace
}  // namespace seccoop::agents
