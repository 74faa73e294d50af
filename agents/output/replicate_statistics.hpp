#pragma once
// Means over replications and their 95% intervals, for `seccoop summarize`:
//   mean ± t_{0.975, n-1} · s / sqrt(n),  s the sample standard deviation (n - 1 in its
// denominator), t the Student quantile. Replicates are independent draws of one stochastic
// model, so this is the usual interval for the mean of the outcome's distribution.
#include <cstddef>

namespace seccoop::agents {

/// Welford's running mean and sum of squared deviations: one pass, no catastrophic
/// cancellation, constant memory however many runs a file holds.
class RunningStatistics {
 public:
  void add(double value);
  [[nodiscard]] std::size_t count() const noexcept { return count_; }
  [[nodiscard]] double mean() const noexcept { return mean_; }
  /// Sample standard deviation; NaN with fewer than two values.
  [[nodiscard]] double standard_deviation() const;

 private:
  std::size_t count_ = 0;
  double mean_ = 0.0;
  double squared_deviations_ = 0.0;
};

struct MeanEstimate {
  std::size_t count = 0;
  double mean = 0.0;
  double low = 0.0;  // 95% interval; NaN with fewer than two values
  double high = 0.0;
};

[[nodiscard]] MeanEstimate mean_with_95_interval(const RunningStatistics& statistics);

/// Quantile `p` in (0, 1) of Student's t distribution with `dof` > 0 degrees of freedom.
[[nodiscard]] double student_t_quantile(double p, double dof);

}  // namespace seccoop::agents
