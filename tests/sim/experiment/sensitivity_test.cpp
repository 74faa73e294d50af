#include "sim/experiment/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {
namespace {

using std::numbers::pi;

std::vector<double> evaluate(const SweepDesign& design,
                             const std::function<double(const std::vector<double>&)>& model) {
  std::vector<double> outputs;
  outputs.reserve(design.point_count());
  for (std::size_t i = 0; i < design.point_count(); ++i) outputs.push_back(model(design.point(i)));
  return outputs;
}

SweepAxis range_axis(std::string path, double min, double max) {
  return SweepAxis{.path = std::move(path), .range = {.min = min, .max = max}};
}

// Ishigami & Homma 1990 with a = 7, b = 0.1 on [-pi, pi]^3; analytic indices from Sobol &
// Levitan 1999 (V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2, V1 = (1 + b pi^4/5)^2 / 2,
// V2 = a^2/8, V3 = 0, V13 = 8 b^2 pi^8 / 225).
TEST(SobolSensitivity, IshigamiIndicesWithinOneHundredthAndInsideTheirIntervals) {
  constexpr double kA = 7.0;
  constexpr double kB = 0.1;
  const auto design = SweepDesign::sobol(
      {range_axis("x1", -pi, pi), range_axis("x2", -pi, pi), range_axis("x3", -pi, pi)}, 8192);
  const auto outputs = evaluate(design, [&](const std::vector<double>& x) {
    const double s2 = std::sin(x[1]);
    return std::sin(x[0]) + kA * s2 * s2 + kB * std::pow(x[2], 4) * std::sin(x[0]);
  });
  const double pi4 = std::pow(pi, 4);
  const double pi8 = pi4 * pi4;
  const double variance = kA * kA / 8 + kB * pi4 / 5 + kB * kB * pi8 / 18 + 0.5;
  const double v1 = 0.5 * std::pow(1 + kB * pi4 / 5, 2);
  const double v2 = kA * kA / 8;
  const double v13 = 8 * kB * kB * pi8 / 225;
  const std::vector<double> first = {v1 / variance, v2 / variance, 0.0};
  const std::vector<double> total = {(v1 + v13) / variance, v2 / variance, v13 / variance};
  EXPECT_NEAR(first[0], 0.3139, 1e-4);  // the published values, as a check of the formulas
  EXPECT_NEAR(total[2], 0.2437, 1e-4);

  const auto indices = sobol_indices(design, outputs, {.resamples = 1000, .seed = 11});
  ASSERT_EQ(indices.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& index = indices[i];
    EXPECT_EQ(index.path, design.paths()[i]);
    // Deterministic (plain Sobol points): measured errors are about 1e-3, so 0.01 is sharp.
    EXPECT_NEAR(index.first_order, first[i], 0.01) << index.path;
    EXPECT_NEAR(index.total, total[i], 0.01) << index.path;
    EXPECT_LE(index.first_order_ci_low, first[i]) << index.path;
    EXPECT_GE(index.first_order_ci_high, first[i]) << index.path;
    EXPECT_LE(index.total_ci_low, total[i]) << index.path;
    EXPECT_GE(index.total_ci_high, total[i]) << index.path;
    RecordProperty(index.path + "_first_order_error", std::to_string(index.first_order - first[i]));
    RecordProperty(index.path + "_total_error", std::to_string(index.total - total[i]));
  }
}

TEST(SobolSensitivity, LinearModelSharesAreSquaredCoefficientTimesVariance) {
  // y = sum c_i x_i with independent uniform x_i: S_i = ST_i = c_i^2 var_i / sum_j c_j^2 var_j.
  const std::vector<double> coefficient = {1.0, -2.0, 0.5, 0.0};
  const std::vector<SweepAxis> axes = {range_axis("a", 0.0, 1.0), range_axis("b", -1.0, 1.0),
                                       range_axis("c", 10.0, 14.0), range_axis("d", 0.0, 1.0)};
  const auto design = SweepDesign::sobol(axes, 4096);
  const auto outputs = evaluate(design, [&](const std::vector<double>& x) {
    double y = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) y += coefficient[i] * x[i];
    return y;
  });
  std::vector<double> share(axes.size());
  double sum = 0.0;
  for (std::size_t i = 0; i < axes.size(); ++i) {
    const double width = axes[i].range.max - axes[i].range.min;
    share[i] = coefficient[i] * coefficient[i] * width * width / 12.0;
    sum += share[i];
  }
  const auto indices = sobol_indices(design, outputs, {.resamples = 200});
  for (std::size_t i = 0; i < axes.size(); ++i) {
    EXPECT_NEAR(indices[i].first_order, share[i] / sum, 0.01) << indices[i].path;
    EXPECT_NEAR(indices[i].total, share[i] / sum, 0.01) << indices[i].path;
    RecordProperty(indices[i].path + "_first_order_error",
                   std::to_string(indices[i].first_order - share[i] / sum));
  }
  EXPECT_EQ(indices[3].total, 0.0);  // an axis the output ignores has exactly no effect
}

TEST(SobolSensitivity, BootstrapIntervalsAreDeterministicPerSeed) {
  const auto design =
      SweepDesign::sobol({range_axis("a", 0.0, 1.0), range_axis("b", 0.0, 1.0)}, 256);
  const auto outputs =
      evaluate(design, [](const std::vector<double>& x) { return x[0] * x[1] + x[0]; });
  const auto once = sobol_indices(design, outputs, {.resamples = 300, .seed = 5});
  const auto again = sobol_indices(design, outputs, {.resamples = 300, .seed = 5});
  const auto other = sobol_indices(design, outputs, {.resamples = 300, .seed = 6});
  EXPECT_EQ(once[0].first_order_ci_low, again[0].first_order_ci_low);
  EXPECT_EQ(once[1].total_ci_high, again[1].total_ci_high);
  EXPECT_EQ(once[0].first_order, other[0].first_order);
  EXPECT_NE(once[0].first_order_ci_low, other[0].first_order_ci_low);
  EXPECT_LT(once[0].first_order_ci_low, once[0].first_order);
  EXPECT_GT(once[0].first_order_ci_high, once[0].first_order);
}

TEST(SobolSensitivity, ConstantOutputGivesUndefinedIndices) {
  const auto design = SweepDesign::sobol({range_axis("a", 0.0, 1.0)}, 8);
  const std::vector<double> outputs(design.point_count(), 3.0);
  const auto indices = sobol_indices(design, outputs, {.resamples = 10});
  EXPECT_TRUE(std::isnan(indices[0].first_order));
  EXPECT_TRUE(std::isnan(indices[0].total_ci_high));
}

TEST(SobolSensitivity, WrongDesignOrOutputCountIsAnInternalError) {
  const auto design = SweepDesign::sobol({range_axis("a", 0.0, 1.0)}, 8);
  EXPECT_THROW((void)sobol_indices(design, std::vector<double>(23, 1.0)), InternalError);
  const auto grid = SweepDesign::grid({SweepAxis{.path = "a", .values = {1.0, 2.0}}});
  EXPECT_THROW((void)sobol_indices(grid, std::vector<double>(2, 1.0)), InternalError);
}

}  // namespace
}  // namespace seccoop::sim
