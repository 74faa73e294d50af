#include "agents/output/replicate_statistics.hpp"

#include <cmath>
#include <limits>

#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Continued fraction of the incomplete beta function (modified Lentz), as in Numerical
/// Recipes 6.4; converges fast for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-15;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  d = 1.0 / (std::abs(d) < kTiny ? kTiny : d);
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double md = m;
    for (const double coefficient :
         {md * (b - md) * x / ((a + 2 * md - 1) * (a + 2 * md)),
          -(a + md) * (a + b + md) * x / ((a + 2 * md) * (a + 2 * md + 1))}) {
      d = 1.0 + coefficient * d;
      d = 1.0 / (std::abs(d) < kTiny ? kTiny : d);
      c = 1.0 + coefficient / c;
      c = std::abs(c) < kTiny ? kTiny : c;
      h *= d * c;
    }
    if (std::abs(d * c - 1.0) < kEpsilon) break;
  }
  return h;
}

/// Regularized incomplete beta function I_x(a, b).
double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

/// P(T <= t) for t >= 0.
double student_t_cdf_upper_half(double t, double dof) {
  return 1.0 - 0.5 * incomplete_beta(dof / 2.0, 0.5, dof / (dof + t * t));
}

}  // namespace

void RunningStatistics::add(double value) {
  ++count_;
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(count_);
  squared_deviations_ += delta * (value - mean_);
}

double RunningStatistics::standard_deviation() const {
  if (count_ < 2) return kNaN;
  return std::sqrt(squared_deviations_ / static_cast<double>(count_ - 1));
}

MeanEstimate mean_with_95_interval(const RunningStatistics& statistics) {
  MeanEstimate estimate{
      .count = statistics.count(), .mean = statistics.mean(), .low = kNaN, .high = kNaN};
  if (statistics.count() == 0) estimate.mean = kNaN;
  if (statistics.count() < 2) return estimate;
  const double n = static_cast<double>(statistics.count());
  const double half_width =
      student_t_quantile(0.975, n - 1.0) * statistics.standard_deviation() / std::sqrt(n);
  estimate.low = estimate.mean - half_width;
  estimate.high = estimate.mean + half_width;
  return estimate;
}

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0) || !(dof > 0.0)) {
    throw sim::InternalError("student_t_quantile needs 0 < p < 1 and dof > 0");
  }
  if (p < 0.5) return -student_t_quantile(1.0 - p, dof);
  // The CDF is increasing: bracket the quantile, then bisect to machine precision.
  double low = 0.0;
  double high = 1.0;
  while (student_t_cdf_upper_half(high, dof) < p) high *= 2.0;
  for (int i = 0; i < 200 && high - low > 1e-14 * high; ++i) {
    const double middle = 0.5 * (low + high);
    (student_t_cdf_upper_half(middle, dof) < p ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

}  // namespace seccoop::agents
