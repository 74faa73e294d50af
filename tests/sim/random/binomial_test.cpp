#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <ostream>

#include "sim/random/distributions.hpp"
#include "tests/sim/random/sample_statistics.hpp"

namespace seccoop::sim {
namespace {

constexpr std::size_t kDraws = 1'000'000;
// Four times as many for the goodness of fit: resolves pmf errors of about half a percent.
constexpr std::size_t kFitDraws = 4'000'000;

struct BinomialCase {
  std::uint64_t trials;
  double p;
};

std::ostream& operator<<(std::ostream& out, const BinomialCase& c) {
  return out << "n=" << c.trials << " p=" << c.p;
}

class BinomialMoments : public ::testing::TestWithParam<BinomialCase> {};

TEST_P(BinomialMoments, MeanAndVarianceWithinFourStandardErrors) {
  const std::uint64_t trials = GetParam().trials;
  const double p = GetParam().p;
  const auto n = static_cast<double>(trials);
  const double mean = n * p;
  const double variance = mean * (1.0 - p);
  RandomStream stream({21, 0}, {0, 0, 1});
  std::uint64_t largest = 0;
  const auto moments = testing::sample_moments(
      [&] {
        const std::uint64_t successes = binomial(stream, trials, p);
        largest = std::max(largest, successes);
        return successes;
      },
      kDraws, mean);
  EXPECT_LE(largest, trials);
  const auto draws = static_cast<double>(kDraws);
  // mu4 - sigma^4 = npq (1 - 6pq) + 2 (npq)^2 for the binomial.
  const double fourth_moment_excess =
      variance * (1.0 - 6.0 * p * (1.0 - p)) + 2.0 * variance * variance;
  EXPECT_NEAR(moments.mean, mean, 4.0 * std::sqrt(variance / draws));
  EXPECT_NEAR(moments.variance, variance, 4.0 * std::sqrt(fourth_moment_excess / draws));
}

// Inversion (n * min(p, q) < 10), BTRS, and both through the symmetry p > 1/2.
INSTANTIATE_TEST_SUITE_P(AllBranches, BinomialMoments,
                         ::testing::Values(BinomialCase{20, 0.1}, BinomialCase{100, 0.05},
                                           BinomialCase{1'000'000, 1e-6}, BinomialCase{40, 0.8},
                                           BinomialCase{30, 0.5}, BinomialCase{1000, 0.3},
                                           BinomialCase{200, 0.7}, BinomialCase{1'000'000, 0.999},
                                           BinomialCase{10'000'000'000, 0.25}));

class BinomialChiSquare : public ::testing::TestWithParam<BinomialCase> {};

TEST_P(BinomialChiSquare, MatchesExactPmf) {
  const std::uint64_t trials = GetParam().trials;
  const double p = GetParam().p;
  RandomStream stream({22, 0}, {0, 0, 2});
  const auto fit = testing::chi_square_against_pmf([&] { return binomial(stream, trials, p); },
                                                   testing::binomial_pmf(trials, p), kFitDraws);
  EXPECT_LT(fit.statistic,
            testing::chi_square_quantile(fit.degrees_of_freedom, testing::kNormalQuantile1e4))
      << "degrees of freedom " << fit.degrees_of_freedom;
}

INSTANTIATE_TEST_SUITE_P(BothBranches, BinomialChiSquare,
                         ::testing::Values(BinomialCase{50, 0.4}, BinomialCase{20, 0.1},
                                           BinomialCase{50, 0.6}, BinomialCase{2000, 0.5}));

TEST(Binomial, DegenerateCasesNeedNoDraw) {
  RandomStream stream({23, 0}, {0, 0, 0});
  EXPECT_EQ(binomial(stream, 0, 0.5), 0U);
  EXPECT_EQ(binomial(stream, 1000, 0.0), 0U);
  EXPECT_EQ(binomial(stream, 1000, -0.5), 0U);
  EXPECT_EQ(binomial(stream, 1000, std::numeric_limits<double>::quiet_NaN()), 0U);
  EXPECT_EQ(binomial(stream, 1000, 1.0), 1000U);
  EXPECT_EQ(binomial(stream, 1000, 1.5), 1000U);
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(binomial(stream, kMax, 1.0), kMax);
  EXPECT_EQ(binomial_at_hazard(stream, 0, 0.5), 0U);
  EXPECT_EQ(binomial_at_hazard(stream, 1000, 0.0), 0U);
  EXPECT_EQ(binomial_at_hazard(stream, 1000, -0.5), 0U);
  EXPECT_EQ(binomial_at_hazard(stream, 1000, std::numeric_limits<double>::quiet_NaN()), 0U);
  EXPECT_EQ(binomial_at_hazard(stream, 1000, std::numeric_limits<double>::infinity()), 1000U);
  RandomStream fresh({23, 0}, {0, 0, 0});
  EXPECT_EQ(stream.next_u64(), fresh.next_u64());
}

// binomial_at_hazard is binomial(n, -expm1(-hazard)) with P(0) rounded another way: draw for
// draw the same counts, here over 245,000 streams spanning both samplers, the squaring of
// (1 - p)^n (n <= 16), the exp(-n hazard) it adds (n > 16), p > 1/2, and the zero shortcut
// it takes before computing p (n hazard < 1 and hazard <= 1/2; 0.5 is on that edge).
TEST(Binomial, AtHazardDrawsWhatTheEquivalentProbabilityDraws) {
  constexpr std::uint64_t kTrials[] = {1, 7, 16, 17, 120, 1000, 25000};
  constexpr double kHazards[] = {1e-5, 0.0021, 0.013, 0.08, 0.4, 0.5, 0.9};
  std::size_t draws = 0;
  std::size_t differences = 0;
  for (const std::uint64_t trials : kTrials) {
    for (const double hazard : kHazards) {
      for (std::uint64_t entity = 0; entity < 5000; ++entity) {
        RandomStream at_hazard({31, trials}, {0, entity, 0});
        RandomStream at_probability({31, trials}, {0, entity, 0});
        const std::uint64_t a = binomial_at_hazard(at_hazard, trials, hazard);
        const std::uint64_t b = binomial(at_probability, trials, -std::expm1(-hazard));
        ++draws;
        if (a != b) ++differences;
        EXPECT_EQ(at_hazard.next_u64(), at_probability.next_u64());  // same draws consumed
      }
    }
  }
  EXPECT_EQ(draws, 245'000U);
  EXPECT_EQ(differences, 0U);
}

}  // namespace
}  // namespace seccoop::sim
