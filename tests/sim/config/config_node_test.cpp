#include "sim/config/config_node.hpp"

#include <gtest/gtest.h>

namespace seccoop::sim {
namespace {

struct Parsed {
  Diagnostics diagnostics;
  std::optional<YamlDocument> document;
  std::optional<ConfigNode> root;
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto parsed = std::make_unique<Parsed>();
  parsed->document = YamlDocument::load_text(text, "test.yaml", parsed->diagnostics);
  parsed->root = parsed->document->root();
  return parsed;
}

TEST(ConfigNode, SyntaxErrorCarriesLineAndColumn) {
  const auto parsed = parse("a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_EQ(parsed->diagnostics.items().size(), 1U);
  const auto& diagnostic = parsed->diagnostics.items()[0];
  EXPECT_EQ(diagnostic.where.file, "test.yaml");
  EXPECT_GE(diagnostic.where.line, 2);
  EXPECT_NE(diagnostic.message.find("YAML syntax error"), std::string::npos);
  EXPECT_FALSE(parsed->root.has_value());
}

TEST(ConfigNode, UnknownKeySuggestsTheClosestKnownKey) {
  const auto parsed = parse("name: x\nweaks: 10\n");
  parsed->root->check_keys({"name", "weeks"});
  ASSERT_EQ(parsed->diagnostics.items().size(), 1U);
  const auto& diagnostic = parsed->diagnostics.items()[0];
  EXPECT_EQ(diagnostic.where.line, 2);
  EXPECT_EQ(diagnostic.where.column, 1);
  EXPECT_EQ(diagnostic.key, "weaks");
  EXPECT_EQ(diagnostic.to_string(),
            "test.yaml:2:1: key 'weaks': unknown key (did you mean 'weeks'?) "
            "(expected one of 'name', 'weeks', found 'weaks')");
}

TEST(ConfigNode, WrongTypeOutOfRangeAndNonFiniteAreReported) {
  const auto parsed = parse("a: text\nb: 7\nc: .nan\nd: 0.5\n");
  const auto& root = *parsed->root;
  EXPECT_EQ(root.find("a")->number(-1.0, {0, 1}), -1.0);
  EXPECT_EQ(root.find("b")->number(-1.0, {0, 1}), -1.0);
  EXPECT_EQ(root.find("c")->number(-1.0, {0, 1}), -1.0);
  EXPECT_EQ(root.find("d")->number(-1.0, {0, 1}), 0.5);
  const auto& items = parsed->diagnostics.items();
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[0].to_string(),
            "test.yaml:1:4: key 'a': wrong type (expected a number in [0, 1], found \"text\")");
  EXPECT_EQ(
      items[1].to_string(),
      "test.yaml:2:4: key 'b': value out of range (expected a number in [0, 1], found \"7\")");
  EXPECT_EQ(items[2].message, "not a finite number");
}

TEST(ConfigNode, MissingFileAndEmptyDocumentAreReported) {
  Diagnostics diagnostics;
  const auto missing = YamlDocument::load_file("/nonexistent/x.yaml", diagnostics);
  EXPECT_FALSE(missing.root().has_value());
  const auto empty = YamlDocument::load_text("", "empty.yaml", diagnostics);
  EXPECT_FALSE(empty.root().has_value());
  ASSERT_EQ(diagnostics.items().size(), 2U);
  EXPECT_EQ(diagnostics.items()[0].to_string(), "/nonexistent/x.yaml: file not found");
  EXPECT_NE(diagnostics.items()[1].to_string().find("found an empty document"), std::string::npos);
}

TEST(ConfigNode, ChoiceListsAllowedValues) {
  const auto parsed = parse("mode: stochastik\n");
  EXPECT_EQ(parsed->root->find("mode")->choice({"expected", "stochastic"}, "expected"), "expected");
  ASSERT_EQ(parsed->diagnostics.items().size(), 1U);
  EXPECT_EQ(parsed->diagnostics.items()[0].message, "unknown value (did you mean 'stochastic'?)");
}

}  // namespace
}  // namespace seccoop::sim
