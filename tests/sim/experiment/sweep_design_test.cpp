#include "sim/experiment/sweep_design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {
namespace {

using Points = std::vector<std::vector<double>>;

Points all_points(const SweepDesign& design) {
  Points points;
  for (std::size_t i = 0; i < design.point_count(); ++i) points.push_back(design.point(i));
  return points;
}

SweepAxis range_axis(std::string path, double min, double max,
                     AxisScale scale = AxisScale::linear) {
  return SweepAxis{.path = std::move(path), .range = {.min = min, .max = max, .scale = scale}};
}

TEST(SweepDesignGrid, CartesianProductWithTheLastAxisFastestAndExactValues) {
  SweepAxis spaced = range_axis("b", 0.0, 1.0);
  spaced.grid_points = 5;
  const auto design = SweepDesign::grid({SweepAxis{.path = "a", .values = {1.0, 2.0}}, spaced});
  EXPECT_EQ(design.method_name(), "grid");
  EXPECT_EQ(design.paths(), (std::vector<std::string>{"a", "b"}));
  const Points expected = {{1, 0}, {1, 0.25}, {1, 0.5}, {1, 0.75}, {1, 1},
                           {2, 0}, {2, 0.25}, {2, 0.5}, {2, 0.75}, {2, 1}};
  EXPECT_EQ(all_points(design), expected);
  EXPECT_THROW((void)design.point(10), InternalError);
}

TEST(SweepDesignGrid, LogRangeIsGeometricWithExactEnds) {
  SweepAxis axis = range_axis("x", 1.0, 1000.0, AxisScale::log);
  axis.grid_points = 4;
  const auto values = grid_axis_values(axis);
  ASSERT_EQ(values.size(), 4U);
  EXPECT_EQ(values[0], 1.0);
  EXPECT_NEAR(values[1], 10.0, 1e-12);
  EXPECT_NEAR(values[2], 100.0, 1e-10);
  EXPECT_EQ(values[3], 1000.0);
}

TEST(SweepDesignList, RowsComeBackInOrder) {
  const Points rows = {{0.0025, 1.5e-8}, {0.003, 2e-8}, {0.002, 1e-8}};
  const auto design = SweepDesign::list({"a", "b"}, rows);
  EXPECT_EQ(design.method_name(), "list");
  EXPECT_EQ(all_points(design), rows);
  EXPECT_THROW((void)SweepDesign::list({"a", "b"}, {{1.0}}), InternalError);
}

// Which of `samples` equal strata (equal in log(value) on a log axis) a value falls in.
std::size_t stratum(double value, const AxisRange& range, std::size_t samples) {
  const double unit = range.scale == AxisScale::log
                          ? std::log(value / range.min) / std::log(range.max / range.min)
                          : (value - range.min) / (range.max - range.min);
  return static_cast<std::size_t>(std::floor(unit * static_cast<double>(samples)));
}

TEST(SweepDesignLhs, EveryAxisHasExactlyOnePointPerStratum) {
  const std::vector<SweepAxis> axes = {range_axis("a", 0.002, 0.003),
                                       range_axis("b", 50.0, 500.0, AxisScale::log),
                                       range_axis("c", -1.0, 1.0)};
  constexpr std::size_t kSamples = 97;
  const auto design = SweepDesign::latin_hypercube(axes, kSamples, 7);
  EXPECT_EQ(design.method_name(), "lhs");
  ASSERT_EQ(design.point_count(), kSamples);
  for (std::size_t a = 0; a < axes.size(); ++a) {
    std::vector<int> hits(kSamples, 0);
    for (const auto& point : all_points(design)) {
      EXPECT_GE(point[a], axes[a].range.min);
      EXPECT_LE(point[a], axes[a].range.max);
      ++hits.at(stratum(point[a], axes[a].range, kSamples));
    }
    EXPECT_EQ(std::count(hits.begin(), hits.end(), 1), static_cast<long>(kSamples)) << a;
  }
}

TEST(SweepDesignLhs, SameSeedSameDesignOtherSeedDiffers) {
  const std::vector<SweepAxis> axes = {range_axis("a", 0.0, 1.0), range_axis("b", 0.0, 1.0)};
  const auto first = all_points(SweepDesign::latin_hypercube(axes, 20, 7));
  EXPECT_EQ(first, all_points(SweepDesign::latin_hypercube(axes, 20, 7)));
  const auto other = all_points(SweepDesign::latin_hypercube(axes, 20, 8));
  std::size_t same = 0;
  for (std::size_t i = 0; i < first.size(); ++i) same += first[i] == other[i] ? 1U : 0U;
  EXPECT_EQ(same, 0U);
}

TEST(SweepDesignLhs, AddingAnAxisLeavesTheOthersUnchanged) {
  const auto two =
      SweepDesign::latin_hypercube({range_axis("a", 0.0, 1.0), range_axis("b", 0.0, 1.0)}, 16, 3);
  const auto three = SweepDesign::latin_hypercube(
      {range_axis("a", 0.0, 1.0), range_axis("b", 0.0, 1.0), range_axis("c", 0.0, 1.0)}, 16, 3);
  for (std::size_t i = 0; i < 16; ++i) {
    EXPECT_EQ(two.point(i)[0], three.point(i)[0]);
    EXPECT_EQ(two.point(i)[1], three.point(i)[1]);
  }
}

TEST(SweepDesignSobol, EachBaseSampleIsAThenBThenAWithOneColumnFromB) {
  const auto design = SweepDesign::sobol(
      {range_axis("a", 0.0, 1.0), range_axis("b", 10.0, 1000.0, AxisScale::log)}, 4);
  EXPECT_EQ(design.method_name(), "sobol");
  EXPECT_EQ(design.base_samples(), 4U);
  ASSERT_EQ(design.point_count(), 4U * (2 + 2));
  const SobolSequence sequence(4);
  const auto on_b = [](double unit) { return 10.0 * std::pow(100.0, unit); };
  for (std::size_t j = 0; j < 4; ++j) {
    const auto u = sequence.point(j + 1);  // the origin is skipped
    const auto a = design.point(saltelli_point_index(j, kSaltelliMatrixA, 2));
    const auto b = design.point(saltelli_point_index(j, kSaltelliMatrixB, 2));
    const auto ab1 = design.point(saltelli_point_index(j, saltelli_matrix_of_axis(0), 2));
    const auto ab2 = design.point(saltelli_point_index(j, saltelli_matrix_of_axis(1), 2));
    EXPECT_EQ(saltelli_point_index(j, kSaltelliMatrixA, 2), 4 * j);
    EXPECT_EQ(a[0], u[0]);
    EXPECT_NEAR(a[1], on_b(u[1]), 1e-9);
    EXPECT_EQ(b[0], u[2]);
    EXPECT_NEAR(b[1], on_b(u[3]), 1e-9);
    EXPECT_EQ(ab1, (std::vector<double>{b[0], a[1]}));
    EXPECT_EQ(ab2, (std::vector<double>{a[0], b[1]}));
  }
}

TEST(SweepDesignSobol, InconsistentInputIsAnInternalError) {
  const std::vector<SweepAxis> axes = {range_axis("a", 0.0, 1.0)};
  EXPECT_THROW((void)SweepDesign::sobol(axes, 12), InternalError);
  EXPECT_THROW((void)SweepDesign::sobol({range_axis("a", 1.0, 1.0)}, 8), InternalError);
  EXPECT_THROW((void)SweepDesign::sobol({range_axis("a", 0.0, 1.0, AxisScale::log)}, 8),
               InternalError);
  std::vector<SweepAxis> too_many(SweepDesign::kMaxSobolAxes + 1, axes[0]);
  EXPECT_THROW((void)SweepDesign::sobol(too_many, 8), InternalError);
  EXPECT_NO_THROW(
      (void)SweepDesign::sobol(std::vector<SweepAxis>(SweepDesign::kMaxSobolAxes, axes[0]), 8));
}

}  // namespace
}  // namespace seccoop::sim
