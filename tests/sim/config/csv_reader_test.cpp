#include "sim/config/csv_reader.hpp"

#include <gtest/gtest.h>

namespace seccoop::sim {
namespace {

TEST(CsvReader, HandlesBomQuotedCommasDoubledQuotesAndCrlf) {
  Diagnostics diagnostics;
  const auto table =
      CsvTable::parse("\xEF\xBB\xBFNode,Group\r\nN1,\"A, the first\"\r\nN2,\"Reina \"\"V\"\"\"\r\n",
                      "x.csv", diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(table.header(), (std::vector<std::string>{"Node", "Group"}));
  ASSERT_EQ(table.rows().size(), 2U);
  EXPECT_EQ(table.rows()[0].fields[1], "A, the first");
  EXPECT_EQ(table.rows()[1].fields[1], "Reina \"V\"");
  EXPECT_EQ(table.rows()[1].line, 3);
}

TEST(CsvReader, ReportsRowsWithTheWrongFieldCountAndUnclosedQuotes) {
  Diagnostics diagnostics;
  const auto table = CsvTable::parse("a,b\n1,2\n3\n4,\"5\n", "bad.csv", diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 2U);
  EXPECT_EQ(diagnostics.items()[0].to_string(),
            "bad.csv:4: a quoted field is never closed (expected a closing '\"', found the end of "
            "the file)");
  EXPECT_EQ(diagnostics.items()[1].to_string(),
            "bad.csv:3:1: wrong number of fields (expected 2 fields as in the header, found 1)");
  EXPECT_EQ(table.rows().size(), 1U);
}

TEST(CsvReader, MissingColumnNamesTheColumnsPresent) {
  Diagnostics diagnostics;
  const auto table = CsvTable::parse("Node,Group\nN1,A\n", "n.csv", diagnostics);
  EXPECT_FALSE(table.column("weight", diagnostics).has_value());
  ASSERT_EQ(diagnostics.items().size(), 1U);
  EXPECT_EQ(diagnostics.items()[0].found, "columns Node, Group");
}

}  // namespace
}  // namespace seccoop::sim
