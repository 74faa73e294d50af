#pragma once
// The points at which an experiment runs the model: a parameter sweep over named parameter
// paths ("core.recruitment_rate_per_week"). Four designs (docs: OUTPUT.md, "Experiment YAML"):
//   grid   cartesian product of each axis's values;
//   list   explicit rows of values;
//   lhs    Latin hypercube over ranges (McKay, Beckman & Conover 1979);
//   sobol  Saltelli's design for first-order and total Sobol indices (Saltelli et al. 2010).
// A design knows no model: the experiment sets each path to the point's value.
//
// Factories take validated input (sweep_config.cpp reports the user's mistakes); anything
// inconsistent reaching them is a code bug and raises InternalError.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/experiment/sobol_sequence.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::sim {

enum class SweepMethod { grid, list, latin_hypercube, sobol };
enum class AxisScale { linear, log };

/// A closed interval of a parameter; `log` spaces values evenly in log(value) (needs min > 0).
struct AxisRange {
  double min = 0.0;
  double max = 1.0;
  AxisScale scale = AxisScale::linear;

  /// The value at fraction `unit` in [0, 1] of the way from min to max (on the axis's scale),
  /// clamped to [min, max] so that rounding never leaves a parameter's declared range.
  [[nodiscard]] double at(double unit) const;
};

/// One swept parameter: explicit `values`, or a `range` (when `values` is empty). A grid over a
/// range takes `grid_points` evenly spaced values, both ends included.
struct SweepAxis {
  std::string path;
  std::vector<double> values;
  AxisRange range;
  std::size_t grid_points = 0;
};

/// Most points a design may have: fails fast on a mistaken size and keeps a point's index well
/// inside RunPlan's 32-bit point counter.
inline constexpr std::size_t kMaxSweepPoints = 10'000'000;

/// Saltelli design order, interleaved by base sample j = 0 .. N-1:
///   A_j, B_j, AB^(1)_j, ..., AB^(k)_j
/// where AB^(i)_j is A_j with its column i taken from B_j. So point j*(k+2) + m is matrix m of
/// base sample j (m = 0: A, 1: B, 2 + i: AB^(i)), and the first j*(k+2) points are a complete
/// design of j base samples. A_j is point j+1 of a 2k-dimensional Sobol sequence in dimensions
/// 1..k, B_j the same point in dimensions k+1..2k; point 0 (the origin) is skipped.
inline constexpr std::size_t kSaltelliMatrixA = 0;
inline constexpr std::size_t kSaltelliMatrixB = 1;
[[nodiscard]] constexpr std::size_t saltelli_matrix_of_axis(std::size_t axis) { return 2 + axis; }
[[nodiscard]] constexpr std::size_t saltelli_point_index(std::size_t base_sample,
                                                         std::size_t matrix,
                                                         std::size_t axis_count) {
  return base_sample * (axis_count + 2) + matrix;
}

class SweepDesign {
 public:
  /// Every combination of the axes' values; the last axis varies fastest.
  static SweepDesign grid(std::vector<SweepAxis> axes);
  /// The given rows, each one value per path, in path order.
  static SweepDesign list(std::vector<std::string> paths,
                          const std::vector<std::vector<double>>& rows);
  /// `samples` points with exactly one in each of the `samples` equal strata of every axis (equal
  /// in log(value) on a log axis). Randomised by RandomStream(key (seed, 0), counter (0, axis, 0)):
  /// the same seed gives the same design, and adding an axis does not move the others.
  static SweepDesign latin_hypercube(std::vector<SweepAxis> axes, std::size_t samples,
                                     std::uint64_t seed);
  /// The Saltelli design of `base_samples` N (a power of two) base samples over k <= 16 range
  /// axes: N * (k + 2) points in the order documented at saltelli_point_index.
  static SweepDesign sobol(std::vector<SweepAxis> axes, std::size_t base_samples);

  [[nodiscard]] SweepMethod method() const noexcept { return method_; }
  /// "grid", "list", "lhs" or "sobol", as written in YAML.
  [[nodiscard]] std::string_view method_name() const noexcept;
  [[nodiscard]] const std::vector<std::string>& paths() const noexcept { return paths_; }
  [[nodiscard]] std::size_t axis_count() const noexcept { return paths_.size(); }
  [[nodiscard]] std::size_t point_count() const noexcept { return point_count_; }
  /// The value of each axis at point `index`, in axis order. InternalError when out of range.
  [[nodiscard]] std::vector<double> point(std::size_t index) const;
  /// Sobol designs: the base sample count N (0 for other methods).
  [[nodiscard]] std::size_t base_samples() const noexcept { return base_samples_; }

  /// Most axes a Sobol design can have: it needs 2k tabulated Sobol dimensions.
  static constexpr std::size_t kMaxSobolAxes = (SobolSequence::kMaxDimensions - 1) / 2;

 private:
  SweepDesign(SweepMethod method, std::vector<SweepAxis> axes);

  SweepMethod method_;
  std::vector<SweepAxis> axes_;
  std::vector<std::string> paths_;
  std::size_t point_count_ = 0;
  std::vector<std::vector<double>> grid_values_;  // grid: each axis's values
  std::vector<double> rows_;                      // list, lhs: point_count_ rows of axis_count()
  std::size_t base_samples_ = 0;                  // sobol
  std::optional<SobolSequence> sequence_;         // sobol: 2k dimensions
};

/// The values a grid takes along one axis: its explicit values, or `grid_points` values evenly
/// spaced over its range (geometrically on a log scale) with both ends exact.
[[nodiscard]] std::vector<double> grid_axis_values(const SweepAxis& axis);

/// Uniform integer in [0, bound) without modulo bias (rejects the few draws that would bias it).
/// Used for shuffles and bootstrap resamples; bound must be > 0.
[[nodiscard]] std::uint64_t uniform_below(RandomStream& stream, std::uint64_t bound);

}  // namespace seccoop::sim
