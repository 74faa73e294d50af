#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "sim/random/distributions.hpp"
#include "tests/sim/random/sample_statistics.hpp"

namespace seccoop::sim {
namespace {

constexpr std::size_t kDraws = 1'000'000;
// Four times as many for the goodness of fit: resolves pmf errors of about half a percent.
constexpr std::size_t kFitDraws = 4'000'000;

class PoissonMoments : public ::testing::TestWithParam<double> {};

TEST_P(PoissonMoments, MeanAndVarianceWithinFourStandardErrors) {
  const double mean = GetParam();
  RandomStream stream({11, 0}, {0, 0, 1});
  const auto moments = testing::sample_moments([&] { return poisson(stream, mean); }, kDraws, mean);
  const auto n = static_cast<double>(kDraws);
  // Var(sample variance) ~ (mu4 - sigma^4) / N, with mu4 - sigma^4 = mean + 2 mean^2.
  EXPECT_NEAR(moments.mean, mean, 4.0 * std::sqrt(mean / n));
  EXPECT_NEAR(moments.variance, mean, 4.0 * std::sqrt((mean + 2.0 * mean * mean) / n));
}

// Inversion below 10, PTRS from 10, the normal approximation above 1e12.
INSTANTIATE_TEST_SUITE_P(AllBranches, PoissonMoments,
                         ::testing::Values(0.5, 3.0, 9.9, 10.0, 35.0, 1000.0, 1e6, 1e13));

struct PoissonFitCase {
  double mean;
  std::size_t support;  // values at or past it share the last bin
};

class PoissonChiSquare : public ::testing::TestWithParam<PoissonFitCase> {};

TEST_P(PoissonChiSquare, MatchesExactPmf) {
  const double mean = GetParam().mean;
  const std::size_t support = GetParam().support;
  RandomStream stream({12, 0}, {0, 0, 2});
  const auto fit = testing::chi_square_against_pmf([&] { return poisson(stream, mean); },
                                                   testing::poisson_pmf(mean, support), kFitDraws);
  EXPECT_LT(fit.statistic,
            testing::chi_square_quantile(fit.degrees_of_freedom, testing::kNormalQuantile1e4))
      << "degrees of freedom " << fit.degrees_of_freedom;
}

INSTANTIATE_TEST_SUITE_P(BothBranches, PoissonChiSquare,
                         ::testing::Values(PoissonFitCase{3.5, 40}, PoissonFitCase{9.9, 60},
                                           PoissonFitCase{10.0, 60}, PoissonFitCase{40.0, 120},
                                           PoissonFitCase{1000.0, 1400}));

TEST(Poisson, NonPositiveOrNanMeanGivesZero) {
  RandomStream stream({13, 0}, {0, 0, 0});
  EXPECT_EQ(poisson(stream, 0.0), 0U);
  EXPECT_EQ(poisson(stream, -4.0), 0U);
  EXPECT_EQ(poisson(stream, std::numeric_limits<double>::quiet_NaN()), 0U);
}

TEST(Poisson, HugeMeansSaturateInsteadOfOverflowing) {
  RandomStream stream({13, 0}, {0, 0, 0});
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  EXPECT_EQ(poisson(stream, std::numeric_limits<double>::infinity()), kMax);
  EXPECT_EQ(poisson(stream, 1e30), kMax);
  const auto large = static_cast<double>(poisson(stream, 1e18));
  EXPECT_NEAR(large, 1e18, 6e9);  // six standard deviations
}

}  // namespace
}  // namespace seccoop::sim
