#include "sim/io/schema.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/config/diagnostics.hpp"
#include "tests/sim/io/results_test_support.hpp"

namespace seccoop::sim::io {
namespace {

Variable& variable_named(FileSchema& schema, std::string_view name) {
  return *std::ranges::find(schema.variables, name, &Variable::name);
}

bool mentions(const std::vector<std::string>& problems, std::string_view text) {
  return std::ranges::any_of(problems, [&](const std::string& problem) {
    return problem.find(text) != std::string::npos;
  });
}

TEST(ResultsSchemaTest, SampleSchemaIsValid) {
  EXPECT_TRUE(schema_problems(testing::sample_schema()).empty());
  EXPECT_NO_THROW(validate_schema(testing::sample_schema()));
}

TEST(ResultsSchemaTest, EveryVariableNeedsUnitsAndLongName) {
  FileSchema schema = testing::sample_schema();
  std::erase_if(variable_named(schema, "members").attributes,
                [](const Attribute& attribute) { return attribute.name == "units"; });
  EXPECT_TRUE(
      mentions(schema_problems(schema), "'members' needs a non-empty text attribute 'units'"));
  EXPECT_THROW(validate_schema(schema), InternalError);
}

TEST(ResultsSchemaTest, EveryDimensionNeedsACoordinateVariable) {
  FileSchema schema = testing::sample_schema();
  schema.dimensions.push_back({"region", 4, false});
  EXPECT_TRUE(mentions(schema_problems(schema), "dimension 'region' needs a coordinate"));
}

TEST(ResultsSchemaTest, UnlimitedDimensionOnlyComesFirst) {
  FileSchema schema = testing::sample_schema();
  variable_named(schema, "members").dimensions = {"week", "run", "cartel"};
  EXPECT_TRUE(mentions(schema_problems(schema), "unlimited dimension 'run' must come first"));
}

TEST(ResultsSchemaTest, RejectsUnknownDimensionsReservedAttributesDuplicatesAndEmptyAxes) {
  FileSchema schema = testing::sample_schema();
  variable_named(schema, "seed").dimensions = {"actor"};
  variable_named(schema, "scenario").attributes.push_back({"_FillValue", std::string("x")});
  schema.variables.push_back(schema.variables.front());
  schema.dimensions[1].size = 0;
  const auto problems = schema_problems(schema);
  EXPECT_TRUE(mentions(problems, "undeclared dimension 'actor'"));
  EXPECT_TRUE(mentions(problems, "'_FillValue' is reserved"));
  EXPECT_TRUE(mentions(problems, "variable name 'run' is invalid or repeated"));
  EXPECT_TRUE(mentions(problems, "fixed dimension 'week' has size 0"));
}

TEST(ResultsSchemaTest, KnowsRecordVariablesAndShapes) {
  const FileSchema schema = testing::sample_schema();
  EXPECT_TRUE(schema.is_record(*schema.find_variable("members")));
  EXPECT_FALSE(schema.is_record(*schema.find_variable("date")));
  EXPECT_EQ(schema.shape_of(*schema.find_variable("members")),
            (std::vector<std::size_t>{0, testing::kSampleWeeks, testing::kSampleCartels}));
}

}  // namespace
}  // namespace seccoop::sim::io
