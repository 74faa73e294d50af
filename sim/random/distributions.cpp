#include "sim/random/distributions.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace seccoop::sim {

namespace {

constexpr double kHalfLogTwoPi = 0.9189385332046728;  // log(2 pi) / 2

// fc(k) = log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], the remainder of
// Stirling's formula. The rejection samplers compare log-pmf differences of huge, nearly equal
// numbers; written through fc and log1p they keep ~1e-15 absolute accuracy at any count, where
// log(k!) - log(m!) would already be off by ~1e-6 at a billion. Table computed to 50 digits with
// Python's decimal; past it the asymptotic series stopped after 1/n^7 errs by < 1/(1188 n^9),
// under 1e-14 for n >= 17.
constexpr std::array<double, 16> kStirlingCorrectionTable = {
    0.08106146679532726,  0.0413406959554093,    0.02767792568499834,  0.020790672103765093,
    0.016644691189821193, 0.013876128823070748,  0.01189670994589177,  0.010411265261972096,
    0.009255462182712733, 0.00833056343336287,   0.007573675487951841, 0.00694284010720953,
    0.006408994188004207, 0.0059513701127588475, 0.005554733551962801, 0.0052076559196096404,
};

double stirling_correction(std::uint64_t k) noexcept {
  if (k < kStirlingCorrectionTable.size()) {
    return kStirlingCorrectionTable[k];
  }
  // 1/(12 n) - 1/(360 n^3) + 1/(1260 n^5) - 1/(1680 n^7) with n = k + 1, in Horner form.
  const double inverse = 1.0 / (static_cast<double>(k) + 1.0);
  const double inverse_squared = inverse * inverse;
  double series = 1.0 / 1260.0 - inverse_squared / 1680.0;
  series = 1.0 / 360.0 - inverse_squared * series;
  series = 1.0 / 12.0 - inverse_squared * series;
  return inverse * series;
}

constexpr double kTwoTo64 = 18446744073709551616.0;

// A non-negative integer-valued double as a count; saturates instead of overflowing.
std::uint64_t to_count(double value) noexcept {
  if (!(value > 0.0)) {
    return 0;
  }
  if (value >= kTwoTo64) {
    return std::numeric_limits<std::uint64_t>::max();
  }
  return static_cast<std::uint64_t>(value);
}

// An absolute margin far above the few ulps by which exp/log1p (and the products feeding them)
// can err for arguments below 1, so the shortcuts below only fire where the full computation
// gives the same answer.
constexpr double kZeroShortcutMargin = 0x1.0p-40;

// ---- Poisson ---------------------------------------------------------------------------------

constexpr double kPoissonRejectionMinMean = 10.0;
constexpr double kPoissonNormalApproximationMinMean = 1e12;

// Sequential search of the CDF from 0: about mean + 1 steps, cheapest below a mean of 10.
std::uint64_t poisson_by_inversion(RandomStream& stream, double mean) noexcept {
  const double u = stream.uniform_open01();
  // P(0) = exp(-mean) >= 1 - mean: a u clearly below that bound gives 0 without the exp. Most
  // of the model's Poisson draws have small means (captures, recruits of small cartels).
  if (u <= 1.0 - mean - kZeroShortcutMargin) {
    return 0;
  }
  double probability = std::exp(-mean);
  double cumulative = probability;
  std::uint64_t count = 0;
  while (u > cumulative) {
    ++count;
    probability *= mean / static_cast<double>(count);
    const double next = cumulative + probability;
    // Rounding can leave the summed CDF a few ulps short of a u just below 1: stop once the
    // terms no longer change it rather than run on until they underflow.
    if (next <= cumulative) {
      break;
    }
    cumulative = next;
  }
  return count;
}

// log P(X = count) for X ~ Poisson(mean), as -(k + 1/2) log1p((k + 1 - mean) / mean)
// + (k + 1 - mean) - log(2 pi mean) / 2 - fc(k): Stirling applied to k!, so that no term is of
// the order of mean * log(mean).
double poisson_log_pmf(std::uint64_t count, double mean, double log_normaliser) noexcept {
  const auto k = static_cast<double>(count);
  const double excess = k + 1.0 - mean;
  return -(k + 0.5) * std::log1p(excess / mean) + excess + log_normaliser -
         stirling_correction(count);
}

// Hoermann (1993), "The transformed rejection method for generating Poisson random variables",
// algorithm PTRS. Single-letter constants keep the paper's names so the code can be checked
// against it line by line. About 1.1 uniform pairs per variate, few logarithms.
std::uint64_t poisson_by_transformed_rejection(RandomStream& stream, double mean) noexcept {
  const double b = 0.931 + 2.53 * std::sqrt(mean);
  const double a = -0.059 + 0.02483 * b;
  const double inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double v_r = 0.9277 - 3.6224 / (b - 2.0);  // below it the hat is surely under the pmf
  const double log_normaliser = -kHalfLogTwoPi - 0.5 * std::log(mean);
  for (;;) {
    const double u = stream.uniform_open01() - 0.5;
    const double v = stream.uniform_open01();
    const double us = 0.5 - std::abs(u);  // > 0: u is never +-1/2
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (k < 0.0) {
      continue;
    }
    if (us >= 0.07 && v <= v_r) {
      return to_count(k);
    }
    if (us < 0.013 && v > us) {
      continue;  // the paper's quick rejection in the far tails
    }
    const std::uint64_t count = to_count(k);
    if (std::log(v * inverse_alpha / (a / (us * us) + b)) <=
        poisson_log_pmf(count, mean, log_normaliser)) {
      return count;
    }
  }
}

// ---- Binomial --------------------------------------------------------------------------------

constexpr double kBinomialRejectionMinMean = 10.0;

// Up to this many trials (1 - p)^n is worked out by repeated squaring: at most 8 roundings
// and the rounding of 1 - p amplified n times, so within a few 1e-15 (relative) of the exact
// value, as exp(n log1p(-p)) is, at a fraction of the cost. Most of the model's binomials are
// small: the split of a week's leavers into arrests, deaths and exits. The two ways differ in
// the last bits only, which changes a draw only for a u within a few 1e-15 of a cumulative
// probability (the baseline's 200-run sweep is bit-identical either way).
constexpr std::uint64_t kMostTrialsBySquaring = 16;

// P(X = 0) = (1 - p)^n for X ~ Binomial(n, p), p <= 1/2 (so 1 - p is within 2^-53 of exact).
// `log_q` is log(1 - p) where the caller knows it (binomial_at_hazard: -hazard), saving the
// log1p that computes it otherwise.
double probability_of_no_success(std::uint64_t trials, double p,
                                 std::optional<double> log_q) noexcept {
  if (trials > kMostTrialsBySquaring) {
    // exp(n log1p(-p)): accurate for tiny p. (Not value_or: it would compute the log1p always.)
    const double log_of_q = log_q.has_value() ? *log_q : std::log1p(-p);
    return std::exp(static_cast<double>(trials) * log_of_q);
  }
  double base = 1.0 - p;
  double result = 1.0;
  for (std::uint64_t remaining = trials; remaining > 0; remaining >>= 1U) {
    if ((remaining & 1U) != 0) result *= base;
    base *= base;
  }
  return result;
}

// Sequential search of the CDF from 0 for the uniform `u`, for trials * p < 10 and p <= 1/2;
// `log_q` as in probability_of_no_success.
std::uint64_t binomial_by_inversion_at(double u, std::uint64_t trials, double p,
                                       std::optional<double> log_q) noexcept {
  const auto n = static_cast<double>(trials);
  const double odds = p / (1.0 - p);
  // P(0) = (1 - p)^n >= 1 - n p (Bernoulli's inequality): as in poisson_by_inversion, a u
  // clearly below the bound gives 0 without the log1p and exp.
  if (u <= 1.0 - n * p - kZeroShortcutMargin) {
    return 0;
  }
  double probability = probability_of_no_success(trials, p, log_q);
  double cumulative = probability;
  std::uint64_t successes = 0;
  while (u > cumulative && successes < trials) {
    ++successes;
    const auto k = static_cast<double>(successes);
    probability *= odds * (n - k + 1.0) / k;
    const double next = cumulative + probability;
    if (next <= cumulative) {  // as in poisson_by_inversion
      break;
    }
    cumulative = next;
  }
  return successes;
}

std::uint64_t binomial_by_inversion(RandomStream& stream, std::uint64_t trials, double p,
                                    std::optional<double> log_q = std::nullopt) noexcept {
  return binomial_by_inversion_at(stream.uniform_open01(), trials, p, log_q);
}

// Hoermann (1993), "The generation of binomial random variates", algorithm BTRS, for p <= 1/2
// and trials * p >= 10; paper's names again. The acceptance test log(f(k) / f(m)) is the paper's
// Stirling form regrouped around d = k - m with log1p, so it stays exact for any number of
// trials.
std::uint64_t binomial_by_transformed_rejection(RandomStream& stream, std::uint64_t trials,
                                                double p) noexcept {
  const auto n = static_cast<double>(trials);
  const double q = 1.0 - p;
  const double spq = std::sqrt(n * p * q);
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5;
  const double alpha = (2.83 + 5.1 / b) * spq;
  const double v_r = 0.92 - 4.2 / b;  // below it the hat is surely under the pmf
  const double odds = p / q;
  const std::uint64_t mode = to_count(std::floor((n + 1.0) * p));
  const auto m = static_cast<double>(mode);
  const double mode_correction = stirling_correction(mode) + stirling_correction(trials - mode);
  for (;;) {
    const double u = stream.uniform_open01() - 0.5;
    const double v = stream.uniform_open01();
    const double us = 0.5 - std::abs(u);  // > 0: u is never +-1/2
    const double k = std::floor((2.0 * a / us + b) * u + c);
    if (k < 0.0 || k > n) {
      continue;
    }
    const std::uint64_t successes = to_count(k);
    if (successes > trials) {
      continue;  // only when n is not exactly representable as a double
    }
    if (us >= 0.07 && v <= v_r) {
      return successes;
    }
    const auto failures = static_cast<double>(trials - successes);
    const double d = k - m;
    const double log_ratio_to_mode =
        (failures + 0.5) * std::log1p(d / (failures + 1.0)) -
        (m + 0.5) * std::log1p(d / (m + 1.0)) + d * std::log(odds * (n - m + 1.0) / (k + 1.0)) +
        mode_correction - stirling_correction(successes) - stirling_correction(trials - successes);
    if (std::log(v * alpha / (a / (us * us) + b)) <= log_ratio_to_mode) {
      return successes;
    }
  }
}

std::uint64_t binomial_at_most_half(RandomStream& stream, std::uint64_t trials, double p) noexcept {
  if (static_cast<double>(trials) * p < kBinomialRejectionMinMean) {
    return binomial_by_inversion(stream, trials, p);
  }
  return binomial_by_transformed_rejection(stream, trials, p);
}

}  // namespace

bool bernoulli(RandomStream& stream, double p) noexcept { return stream.uniform_open01() < p; }

// Marsaglia's polar method rather than Box-Muller: no sin/cos, whose last bits vary most
// between C libraries. The second variate of each pair is dropped so streams carry no cache.
double standard_normal(RandomStream& stream) noexcept {
  for (;;) {
    const double x = 2.0 * stream.uniform_open01() - 1.0;
    const double y = 2.0 * stream.uniform_open01() - 1.0;
    const double radius_squared = x * x + y * y;
    if (radius_squared < 1.0 && radius_squared > 0.0) {
      return x * std::sqrt(-2.0 * std::log(radius_squared) / radius_squared);
    }
  }
}

std::uint64_t poisson(RandomStream& stream, double mean) noexcept {
  if (!(mean > 0.0)) {
    return 0;
  }
  if (mean < kPoissonRejectionMinMean) {
    return poisson_by_inversion(stream, mean);
  }
  if (mean <= kPoissonNormalApproximationMinMean) {
    return poisson_by_transformed_rejection(stream, mean);
  }
  if (mean >= kTwoTo64) {  // saturated whatever the draw; also keeps inf - inf out
    return std::numeric_limits<std::uint64_t>::max();
  }
  return to_count(std::round(mean + std::sqrt(mean) * standard_normal(stream)));
}

std::uint64_t binomial(RandomStream& stream, std::uint64_t n, double p) noexcept {
  if (n == 0 || !(p > 0.0)) {
    return 0;
  }
  if (p >= 1.0) {
    return n;
  }
  // Both samplers assume p <= 1/2; 1 - p is exact for p in (1/2, 1).
  if (p > 0.5) {
    return n - binomial_at_most_half(stream, n, 1.0 - p);
  }
  return binomial_at_most_half(stream, n, p);
}

std::uint64_t binomial_at_hazard(RandomStream& stream, std::uint64_t n, double hazard) noexcept {
  if (n == 0 || !(hazard > 0.0)) {
    return 0;
  }
  const auto trials = static_cast<double>(n);
  // p = 1 - exp(-hazard) < hazard. Where n hazard < 1 and hazard <= 1/2 the draw is surely by
  // inversion (n p < 10, p < 1/2), and its zero shortcut (u <= 1 - n p - margin) holds
  // whenever u <= 1 - n hazard - margin does: most weeks of most cartels see no leaver decided
  // so, before the expm1 that p costs. Past the shortcut, the same search with the same u.
  if (hazard <= 0.5 && trials * hazard < 1.0) {
    const double u = stream.uniform_open01();
    if (u <= 1.0 - trials * hazard - kZeroShortcutMargin) {
      return 0;
    }
    return binomial_by_inversion_at(u, n, -std::expm1(-hazard), -hazard);
  }
  const double p = -std::expm1(-hazard);
  if (!(p <= 0.5) || trials * p >= kBinomialRejectionMinMean) {
    return binomial(stream, n, p);
  }
  // log(1 - p) = -hazard: P(X = 0) = exp(-n hazard) needs no log1p.
  return binomial_by_inversion(stream, n, p, -hazard);
}

double log_factorial(std::uint64_t k) noexcept {
  const auto x = static_cast<double>(k);
  return (x + 0.5) * std::log(x + 1.0) - (x + 1.0) + kHalfLogTwoPi + stirling_correction(k);
}

}  // namespace seccoop::sim
