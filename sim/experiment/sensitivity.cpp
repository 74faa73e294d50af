#include "sim/experiment/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {

namespace {

struct Estimates {
  std::vector<double> first_order;
  std::vector<double> total;
};

// The estimators over the base samples `rows` (a bootstrap resample may repeat some).
Estimates estimate(std::span<const double> outputs, std::size_t axis_count,
                   std::span<const std::size_t> rows) {
  const auto at = [&](std::size_t row, std::size_t matrix) {
    return outputs[saltelli_point_index(row, matrix, axis_count)];
  };
  const auto n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (const std::size_t row : rows) sum += at(row, kSaltelliMatrixA) + at(row, kSaltelliMatrixB);
  const double mean = sum / (2.0 * n);
  double squares = 0.0;
  for (const std::size_t row : rows) {
    const double a = at(row, kSaltelliMatrixA) - mean;
    const double b = at(row, kSaltelliMatrixB) - mean;
    squares += a * a + b * b;
  }
  const double variance = squares / (2.0 * n);

  Estimates result{std::vector<double>(axis_count, 0.0), std::vector<double>(axis_count, 0.0)};
  for (const std::size_t row : rows) {
    const double f_a = at(row, kSaltelliMatrixA);
    const double f_b = at(row, kSaltelliMatrixB);
    for (std::size_t i = 0; i < axis_count; ++i) {
      const double f_ab = at(row, saltelli_matrix_of_axis(i));
      result.first_order[i] += f_b * (f_ab - f_a);
      result.total[i] += (f_a - f_ab) * (f_a - f_ab);
    }
  }
  for (std::size_t i = 0; i < axis_count; ++i) {
    if (variance > 0.0) {
      result.first_order[i] /= n * variance;
      result.total[i] /= 2.0 * n * variance;
    } else {
      result.first_order[i] = std::numeric_limits<double>::quiet_NaN();
      result.total[i] = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return result;
}

// Quantile p of `values` with linear interpolation between order statistics (Hyndman & Fan
// 1996, type 7, as R and NumPy default). NaN values (a resample without variance) are ignored.
double quantile(std::vector<double> values, double p) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const double position = p * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return values[below] + fraction * (values[above] - values[below]);
}

}  // namespace

std::vector<SensitivityIndices> sobol_indices(const SweepDesign& design,
                                              std::span<const double> outputs,
                                              const BootstrapOptions& bootstrap) {
  if (design.method() != SweepMethod::sobol || outputs.size() != design.point_count()) {
    throw InternalError(fmt::format(
        "Sobol indices need the {} outputs of a sobol design; got {} "
        "outputs of a {} design of {} points",
        design.point_count(), outputs.size(), design.method_name(), design.point_count()));
  }
  if (!(bootstrap.confidence > 0.0 && bootstrap.confidence < 1.0)) {
    throw InternalError(
        fmt::format("bootstrap confidence {} outside (0, 1)", bootstrap.confidence));
  }
  const std::size_t k = design.axis_count();
  const std::size_t n = design.base_samples();
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  const Estimates point = estimate(outputs, k, rows);

  // resampled[i][r]: the estimate for axis i in resample r.
  std::vector<std::vector<double>> first_resampled(k), total_resampled(k);
  for (std::size_t r = 0; r < bootstrap.resamples; ++r) {
    RandomStream stream(StreamKey{.master_seed = bootstrap.seed, .run_index = 0},
                        StreamCounter{.week = 0, .entity = r, .purpose = 0});
    for (auto& row : rows) row = uniform_below(stream, n);
    const Estimates resample = estimate(outputs, k, rows);
    for (std::size_t i = 0; i < k; ++i) {
      first_resampled[i].push_back(resample.first_order[i]);
      total_resampled[i].push_back(resample.total[i]);
    }
  }

  const double tail = (1.0 - bootstrap.confidence) / 2.0;
  std::vector<SensitivityIndices> result;
  result.reserve(k);
  for (std::size_t i = 0; i < k; ++i) {
    result.push_back(
        SensitivityIndices{.path = design.paths()[i],
                           .first_order = point.first_order[i],
                           .first_order_ci_low = quantile(first_resampled[i], tail),
                           .first_order_ci_high = quantile(first_resampled[i], 1.0 - tail),
                           .total = point.total[i],
                           .total_ci_low = quantile(total_resampled[i], tail),
                           .total_ci_high = quantile(total_resampled[i], 1.0 - tail)});
  }
  return result;
}

}  // namespace seccoop::sim
