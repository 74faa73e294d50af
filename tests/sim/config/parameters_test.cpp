#include "sim/config/parameters.hpp"

#include <gtest/gtest.h>

namespace seccoop::sim {
namespace {

std::shared_ptr<const ParameterTable> sample_table() {
  auto table = std::make_shared<ParameterTable>();
  table->add({.path = "core.rate", .default_value = 0.5, .range = {0, 1}, .unit = "1/week"});
  table->add(
      {.path = "core.count", .default_value = 3, .range = {0, 10}, .unit = "1", .integer = true});
  table->add({.path = "trust.forgetting", .default_value = 0.9, .range = {0, 1}, .unit = "1"});
  return table;
}

TEST(Parameters, NestedYamlOverridesDefaultsAndReportsTypos) {
  Diagnostics diagnostics;
  const auto document = YamlDocument::load_text(
      "parameters:\n  core:\n    rate: 0.25\n    cuont: 4\n  trust:\n    forgetting: 2\n", "p.yaml",
      diagnostics);
  ParameterValues values(sample_table());
  values.read_yaml(*document.root()->find("parameters"));
  EXPECT_EQ(values.get("core.rate"), 0.25);
  EXPECT_EQ(values.get("core.count"), 3.0);
  EXPECT_EQ(values.get("trust.forgetting"), 0.9);
  ASSERT_EQ(diagnostics.items().size(), 2U);
  EXPECT_EQ(diagnostics.items()[0].to_string(),
            "p.yaml:4:5: key 'parameters.core.cuont': unknown key (did you mean 'count'?) "
            "(expected one of 'count', 'rate', found 'cuont')");
  EXPECT_EQ(diagnostics.items()[1].where.line, 6);
  EXPECT_EQ(diagnostics.items()[1].message, "value out of range");
}

TEST(Parameters, SetFromTextChecksPathTypeAndRange) {
  Diagnostics diagnostics;
  ParameterValues values(sample_table());
  const SourceLocation origin{.file = "--set"};
  EXPECT_TRUE(values.set_from_text("core.rate", "0.75", diagnostics, origin));
  EXPECT_EQ(values.get("core.rate"), 0.75);
  EXPECT_FALSE(values.set_from_text("core.rat", "0.1", diagnostics, origin));
  EXPECT_FALSE(values.set_from_text("core.rate", "abc", diagnostics, origin));
  EXPECT_FALSE(values.set_from_text("core.count", "2.5", diagnostics, origin));
  ASSERT_EQ(diagnostics.items().size(), 3U);
  EXPECT_EQ(diagnostics.items()[0].message, "unknown parameter (did you mean 'core.rate'?)");
  EXPECT_EQ(diagnostics.items()[1].message, "wrong type");
  EXPECT_EQ(diagnostics.items()[2].expected, "a whole number in [0, 10]");
}

TEST(Parameters, DeclaringADuplicateIsAnInternalError) {
  ParameterTable table;
  table.add({.path = "a.b", .default_value = 1, .range = {0, 2}});
  EXPECT_THROW(table.add({.path = "a.b", .default_value = 1}), InternalError);
  EXPECT_THROW(table.add({.path = "a.c", .default_value = 5, .range = {0, 2}}), InternalError);
}

}  // namespace
}  // namespace seccoop::sim
