#pragma once
// Helpers for the statistical tests of sim/random: sample moments and a chi-square
// goodness-of-fit test against an exact probability mass function.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace seccoop::sim::testing {

struct SampleMoments {
  double mean = 0.0;
  double variance = 0.0;
};

/// Mean and (population) variance of draw() over `samples` calls. Sums deviations from
/// `expected_mean` so that means of 1e13 keep their precision.
template <class Draw>
SampleMoments sample_moments(Draw draw, std::size_t samples, double expected_mean) {
  double sum = 0.0;
  double sum_of_squares = 0.0;
  for (std::size_t i = 0; i < samples; ++i) {
    const auto deviation = static_cast<double>(draw()) - expected_mean;
    sum += deviation;
    sum_of_squares += deviation * deviation;
  }
  const auto n = static_cast<double>(samples);
  const double mean_deviation = sum / n;
  return {expected_mean + mean_deviation, sum_of_squares / n - mean_deviation * mean_deviation};
}

/// z with P(Z > z) = 1e-4 for a standard normal Z: the tests' significance level. Streams are
/// seeded, so each test is deterministic; the level says how unlucky a correct sampler would have
/// to be with the chosen seed.
constexpr double kNormalQuantile1e4 = 3.719;

/// Upper quantile of the chi-square distribution with `degrees_of_freedom`, at the normal
/// quantile `z` (Wilson-Hilferty; within 1% for the degrees of freedom used here).
inline double chi_square_quantile(std::size_t degrees_of_freedom, double z) {
  const auto k = static_cast<double>(degrees_of_freedom);
  const double h = 2.0 / (9.0 * k);
  return k * std::pow(1.0 - h + z * std::sqrt(h), 3.0);
}

struct ChiSquareResult {
  double statistic = 0.0;
  std::size_t degrees_of_freedom = 0;
};

/// Pearson's chi-square of `samples` draws against pmf[0..size): values at or past the end of
/// pmf fall in a last bin holding the remaining mass; neighbouring bins are pooled until each
/// expects at least `min_expected` draws.
template <class Draw>
ChiSquareResult chi_square_against_pmf(Draw draw, const std::vector<double>& pmf,
                                       std::size_t samples, double min_expected = 20.0) {
  std::vector<double> observed(pmf.size() + 1, 0.0);
  for (std::size_t i = 0; i < samples; ++i) {
    const auto value = static_cast<std::size_t>(draw());
    observed[value < pmf.size() ? value : pmf.size()] += 1.0;
  }
  std::vector<double> probability = pmf;
  double total = 0.0;
  for (const double mass : pmf) {
    total += mass;
  }
  probability.push_back(total < 1.0 ? 1.0 - total : 0.0);

  const auto n = static_cast<double>(samples);
  std::vector<double> pooled_observed;
  std::vector<double> pooled_expected;
  double bin_observed = 0.0;
  double bin_expected = 0.0;
  for (std::size_t k = 0; k < probability.size(); ++k) {
    bin_observed += observed[k];
    bin_expected += probability[k] * n;
    if (bin_expected >= min_expected) {
      pooled_observed.push_back(bin_observed);
      pooled_expected.push_back(bin_expected);
      bin_observed = 0.0;
      bin_expected = 0.0;
    }
  }
  if (!pooled_expected.empty()) {  // a thin upper tail joins the last full bin
    pooled_observed.back() += bin_observed;
    pooled_expected.back() += bin_expected;
  }
  ChiSquareResult result;
  for (std::size_t i = 0; i < pooled_expected.size(); ++i) {
    const double difference = pooled_observed[i] - pooled_expected[i];
    result.statistic += difference * difference / pooled_expected[i];
  }
  result.degrees_of_freedom = pooled_expected.size() - 1;
  return result;
}

/// Poisson pmf for k in [0, size), through lgamma so that large means do not underflow.
inline std::vector<double> poisson_pmf(double mean, std::size_t size) {
  std::vector<double> pmf(size);
  for (std::size_t k = 0; k < size; ++k) {
    const auto kk = static_cast<double>(k);
    pmf[k] = std::exp(kk * std::log(mean) - mean - std::lgamma(kk + 1.0));
  }
  return pmf;
}

/// Binomial(n, p) pmf for k in [0, n], through lgamma.
inline std::vector<double> binomial_pmf(std::uint64_t n, double p) {
  const auto trials = static_cast<double>(n);
  std::vector<double> pmf(static_cast<std::size_t>(n) + 1);
  for (std::size_t k = 0; k < pmf.size(); ++k) {
    const auto kk = static_cast<double>(k);
    pmf[k] = std::exp(std::lgamma(trials + 1.0) - std::lgamma(kk + 1.0) -
                      std::lgamma(trials - kk + 1.0) + kk * std::log(p) +
                      (trials - kk) * std::log1p(-p));
  }
  return pmf;
}

}  // namespace seccoop::sim::testing
