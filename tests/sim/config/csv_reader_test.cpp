#include "sim/config/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>

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

TEST(CsvReader, ALineOfAtMostOneMebibyteIsReadAndALongerOneStopsTheParse) {
  // "1," + 1 MiB - 3 bytes + "\r": exactly the limit (the line break does not count).
  const std::string longest(kMaxCsvLineBytes - 3, 'x');
  Diagnostics diagnostics;
  auto table = CsvTable::parse("a,b\n1," + longest + "\r\n", "ok.csv", diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(table.rows().size(), 1U);
  EXPECT_EQ(table.rows()[0].fields[1].size(), longest.size());

  // A file of zeros (no line break at all) and a long line after good ones, inside quotes too.
  for (const std::string& text :
       {std::string(kMaxCsvLineBytes + 1, '\0'), "a,b\n1,2\n3,\"" + longest + "xx\"\n"}) {
    Diagnostics errors;
    table = CsvTable::parse(text, "big.csv", errors);
    ASSERT_EQ(errors.items().size(), 1U);
    const int line = text.front() == '\0' ? 1 : 3;
    EXPECT_EQ(errors.items()[0].to_string(),
              "big.csv:" + std::to_string(line) +
                  ": line too long for a CSV table (expected at most 1048576 bytes in a line, "
                  "found more)");
    EXPECT_TRUE(table.header().empty());
    EXPECT_TRUE(table.rows().empty());
  }
}

TEST(Diagnostics, GarbageBytesAreEscapedAndUtf8IsKept) {
  EXPECT_EQ(printable("C\xC3\xA1rtel \xE2\x80\x94 \xF0\x9F\x98\x80"),
            "C\xC3\xA1rtel \xE2\x80\x94 \xF0\x9F\x98\x80");  // kept as they are
  EXPECT_EQ(printable("a\xFF"
                      "b"),
            "a\\xffb");  // not UTF-8
  EXPECT_EQ(printable(std::string("\0\t\n\x1B[2J\x7F", 8)), "\\x00\\x09\\x0a\\x1b[2J\\x7f");
  EXPECT_EQ(printable("\xC2\x9B"), "\\xc2\\x9b");                    // a C1 control (CSI)
  EXPECT_EQ(printable("\xC0\xAF"), "\\xc0\\xaf");                    // overlong '/'
  EXPECT_EQ(printable("\xED\xA0\x80"), "\\xed\\xa0\\x80");           // a surrogate
  EXPECT_EQ(printable("\xF4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
  EXPECT_EQ(printable("\xE2\x82"), "\\xe2\\x82");                    // cut short
  const Diagnostic diagnostic{.where = {.file = "n.csv", .line = 2, .column = 1},
                              .key = "Node\xFF",
                              .message = "unknown node id",
                              .found = "N\x1B[31m"};
  EXPECT_EQ(diagnostic.to_string(),
            "n.csv:2:1: key 'Node\\xff': unknown node id (found N\\x1b[31m)");
}

}  // namespace
}  // namespace seccoop::sim
