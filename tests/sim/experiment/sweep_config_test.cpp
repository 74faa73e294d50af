#include "sim/experiment/sweep_config.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

namespace seccoop::sim {
namespace {

ParameterTable sample_table() {
  ParameterTable table;
  table.add({.path = "core.recruitment_rate_per_week", .default_value = 0.0025, .range = {0, 1}});
  table.add({.path = "core.conflict_lethality", .default_value = 1e-8, .range = {0, 1e-6}});
  table.add({.path = "core.incapacitation_per_week", .default_value = 100, .range = {0, 1000}});
  table.add({.path = "core.cartel_count", .default_value = 3, .range = {1, 10}, .integer = true});
  return table;
}

// Reads `sweep:` from an experiment text; keeps the document alive for the diagnostics.
struct Read {
  Diagnostics diagnostics;
  std::optional<SweepDesign> design;

  [[nodiscard]] std::string only_problem() const {
    if (diagnostics.items().size() != 1) {
      std::string all = std::to_string(diagnostics.items().size()) + " problems:";
      for (const auto& item : diagnostics.items()) all += "\n" + item.to_string();
      return all;
    }
    return diagnostics.items()[0].to_string();
  }
};

std::unique_ptr<Read> read(const std::string& text, std::uint64_t default_seed = 99) {
  auto result = std::make_unique<Read>();
  const auto document = YamlDocument::load_text(text, "exp.yaml", result->diagnostics);
  result->design = read_sweep(*document.root()->find("sweep"), sample_table(), default_seed);
  return result;
}

TEST(SweepConfig, ReadsASobolDesignWithALogAxis) {
  const auto result = read(
      "sweep:\n"
      "  method: sobol\n"
      "  samples: 64\n"
      "  parameters:\n"
      "    core.recruitment_rate_per_week: {min: 0.002, max: 0.003}\n"
      "    core.incapacitation_per_week: {min: 50, max: 500, scale: log}\n");
  ASSERT_TRUE(result->diagnostics.empty()) << result->only_problem();
  ASSERT_TRUE(result->design.has_value());
  EXPECT_EQ(result->design->method_name(), "sobol");
  EXPECT_EQ(result->design->base_samples(), 64U);
  EXPECT_EQ(result->design->point_count(), 64U * 4);
  EXPECT_EQ(result->design->paths()[1], "core.incapacitation_per_week");
  // A_0 is Sobol point 1 = (0.5, 0.5, ...): the middle of each axis, geometric on a log axis.
  EXPECT_DOUBLE_EQ(result->design->point(0)[0], 0.0025);
  EXPECT_NEAR(result->design->point(0)[1], std::sqrt(50.0 * 500.0), 1e-9);
}

TEST(SweepConfig, ReadsGridListAndLhsWithTheExperimentSeedAsDefault) {
  const auto grid = read(
      "sweep:\n  method: grid\n  parameters:\n"
      "    core.conflict_lethality: {values: [1e-8, 2e-8]}\n"
      "    core.cartel_count: {values: [2, 4, 6]}\n"
      "    core.recruitment_rate_per_week: {min: 0.1, max: 0.3, points: 3}\n");
  ASSERT_TRUE(grid->diagnostics.empty()) << grid->only_problem();
  EXPECT_EQ(grid->design->point_count(), 18U);
  EXPECT_EQ(grid->design->point(17), (std::vector<double>{2e-8, 6, 0.3}));

  const auto list = read(
      "sweep:\n  method: list\n  parameters:\n"
      "    core.recruitment_rate_per_week:\n    core.conflict_lethality: {}\n"
      "  points:\n    - [0.0025, 1.5e-8]\n    - [0.003, 2e-8]\n");
  ASSERT_TRUE(list->diagnostics.empty()) << list->only_problem();
  EXPECT_EQ(list->design->point(1), (std::vector<double>{0.003, 2e-8}));

  const std::string lhs_text =
      "sweep:\n  method: lhs\n  samples: 10\n  parameters:\n"
      "    core.incapacitation_per_week: {min: 50, max: 500}\n";
  const auto by_default = read(lhs_text, 7);
  const auto explicit_seed = read(lhs_text + "  seed: 7\n", 12345);
  const auto other_seed = read(lhs_text, 8);
  ASSERT_TRUE(by_default->diagnostics.empty()) << by_default->only_problem();
  ASSERT_TRUE(explicit_seed->diagnostics.empty()) << explicit_seed->only_problem();
  EXPECT_EQ(by_default->design->point(3), explicit_seed->design->point(3));
  EXPECT_NE(by_default->design->point(3), other_seed->design->point(3));
}

TEST(SweepConfig, WithoutAParameterTableAnyPathIsAccepted) {
  Diagnostics diagnostics;
  const auto document = YamlDocument::load_text(
      "sweep:\n  method: grid\n  parameters:\n    any.path: {values: [5000]}\n", "exp.yaml",
      diagnostics);
  const auto design = read_sweep(*document.root()->find("sweep"), 0);
  ASSERT_TRUE(design.has_value());
  EXPECT_EQ(design->paths()[0], "any.path");
  EXPECT_EQ(design->point(0)[0], 5000.0);
}

TEST(SweepConfig, ReportsEveryProblemInOnePass) {
  const auto result = read(
      "sweep:\n  method: lhs\n  samples: 0\n  parameters:\n"
      "    core.recruitment_rate_per_week: {min: 0.5, max: 0.1}\n"
      "    core.conflict_lethality: {min: 0, max: 1e-7, scale: logg}\n");
  ASSERT_EQ(result->diagnostics.items().size(), 3U) << result->only_problem();
  EXPECT_EQ(result->diagnostics.items()[0].where.line, 5);
  EXPECT_EQ(result->diagnostics.items()[0].message, "min must be < max");
  EXPECT_EQ(result->diagnostics.items()[1].where.line, 6);
  EXPECT_EQ(result->diagnostics.items()[1].message, "unknown value (did you mean 'log'?)");
  EXPECT_EQ(result->diagnostics.items()[2].where.line, 3);
  EXPECT_EQ(result->diagnostics.items()[2].message, "value out of range");
  EXPECT_FALSE(result->design.has_value());
}

struct BadInput {
  const char* name;
  std::string yaml;
  std::string problem;  // the only diagnostic, in full
};

// gtest shows a failing case by its name instead of its bytes.
void PrintTo(const BadInput& input, std::ostream* out) { *out << input.name; }

class SweepConfigErrors : public testing::TestWithParam<BadInput> {};

TEST_P(SweepConfigErrors, ReportsOneLocatedProblemAndNoDesign) {
  const auto result = read(GetParam().yaml);
  EXPECT_EQ(result->only_problem(), GetParam().problem);
  EXPECT_FALSE(result->design.has_value());
}

const std::string sobol_head = "sweep:\n  method: sobol\n  samples: 64\n  parameters:\n";
const std::string rate_key = "    core.recruitment_rate_per_week: ";

INSTANTIATE_TEST_SUITE_P(
    SweepConfig, SweepConfigErrors,
    testing::Values(
        BadInput{"UnknownKey",
                 "sweep:\n  method: lhs\n  sampels: 8\n  samples: 8\n  parameters:\n" + rate_key +
                     "{min: 0, max: 1}\n",
                 "exp.yaml:3:3: key 'sweep.sampels': unknown key (did you mean 'samples'?) "
                 "(expected one of 'method', 'samples', 'seed', 'parameters', 'points', found "
                 "'sampels')"},
        BadInput{"UnknownMethod", "sweep:\n  method: sobel\n  parameters:\n" + rate_key + "{}\n",
                 "exp.yaml:2:11: key 'sweep.method': unknown value (did you mean 'sobol'?) "
                 "(expected one of 'grid', 'list', 'lhs', 'sobol', found \"sobel\")"},
        BadInput{"InvertedRange", sobol_head + rate_key + "{min: 0.3, max: 0.2}\n",
                 "exp.yaml:5:37: key 'sweep.parameters.core.recruitment_rate_per_week': min must "
                 "be < max (expected min < max, found min 0.3, max 0.2)"},
        BadInput{"EmptyRange", sobol_head + rate_key + "{min: 0.2, max: 0.2}\n",
                 "exp.yaml:5:37: key 'sweep.parameters.core.recruitment_rate_per_week': min must "
                 "be < max (expected min < max, found min 0.2, max 0.2)"},
        BadInput{"NonFinite", sobol_head + rate_key + "{min: 0.1, max: .inf}\n",
                 "exp.yaml:5:53: key 'sweep.parameters.core.recruitment_rate_per_week.max': not a "
                 "finite number (expected a number in [0, 1], found \".inf\")"},
        BadInput{"LogScaleWithZeroMin", sobol_head + rate_key + "{min: 0, max: 0.5, scale: log}\n",
                 "exp.yaml:5:43: key 'sweep.parameters.core.recruitment_rate_per_week.min': log "
                 "scale needs min > 0 (expected a number > 0, found 0)"},
        BadInput{"SobolSamplesNotPowerOfTwo",
                 "sweep:\n  method: sobol\n  samples: 100\n  parameters:\n" + rate_key +
                     "{min: 0.1, max: 0.2}\n",
                 "exp.yaml:3:12: key 'sweep.samples': samples must be a power of two for method "
                 "sobol (expected a power of two such as 64 or 128, found 100)"},
        BadInput{"ListRowOfWrongLength",
                 "sweep:\n  method: list\n  parameters:\n" + rate_key + "{}\n" +
                     "    core.conflict_lethality: {}\n  points:\n    - [0.1, 1e-8]\n"
                     "    - [0.1, 1e-8, 3]\n",
                 "exp.yaml:8:7: key 'sweep.points[1]': row has 3 values (expected 2 values, one "
                 "per parameter in the order of 'parameters', found 3 values)"},
        BadInput{"UnknownPath",
                 sobol_head + "    core.recruitment_rate_per_wek: {min: 0, max: 1}\n",
                 "exp.yaml:5:5: key 'sweep.parameters.core.recruitment_rate_per_wek': unknown "
                 "parameter (did you mean 'core.recruitment_rate_per_week'?) (expected a "
                 "parameter path listed by 'seccoop params', found "
                 "'core.recruitment_rate_per_wek')"},
        BadInput{"ValueOutsideDeclaredRange", sobol_head + rate_key + "{min: 0.5, max: 1.5}\n",
                 "exp.yaml:5:53: key 'sweep.parameters.core.recruitment_rate_per_week.max': value "
                 "out of range (expected a number in [0, 1], found \"1.5\")"},
        BadInput{"GridValueOutsideDeclaredRange",
                 "sweep:\n  method: grid\n  parameters:\n"
                 "    core.conflict_lethality:\n      values: [1e-8, 2e-5]\n",
                 "exp.yaml:5:22: key 'sweep.parameters.core.conflict_lethality.values[1]': value "
                 "out of range (expected a number in [0, 1e-06], found \"2e-5\")"},
        BadInput{"ValuesForSobol", sobol_head + rate_key + "{values: [0.1, 0.2]}\n",
                 "exp.yaml:5:46: key 'sweep.parameters.core.recruitment_rate_per_week.values': lhs "
                 "and sobol sample a range, not a list of values (expected 'min' and 'max')"},
        BadInput{"WholeNumberParameterOverARange",
                 sobol_head + "    core.cartel_count: {min: 1, max: 5}\n",
                 "exp.yaml:5:24: key 'sweep.parameters.core.cartel_count': a whole-number "
                 "parameter cannot be swept over a continuous range (expected 'values' with "
                 "method grid, or method list)"},
        BadInput{"SeedWithSobol", sobol_head + rate_key + "{min: 0, max: 1}\n  seed: 3\n",
                 "exp.yaml:6:9: key 'sweep.seed': 'seed' is only used by method lhs"},
        BadInput{"MissingMax", sobol_head + rate_key + "{min: 0.1}\n",
                 "exp.yaml:5:37: key 'sweep.parameters.core.recruitment_rate_per_week.max': "
                 "missing required key"}),
    [](const testing::TestParamInfo<BadInput>& param_info) {
      return std::string(param_info.param.name);
    });

}  // namespace
}  // namespace seccoop::sim
