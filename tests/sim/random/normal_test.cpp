#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include "sim/random/distributions.hpp"
#include "tests/sim/random/sample_statistics.hpp"

namespace seccoop::sim {
namespace {

constexpr std::size_t kDraws = 1'000'000;

TEST(StandardNormal, FirstFourMomentsWithinFourStandardErrors) {
  RandomStream stream({31, 0}, {0, 0, 0});
  double sum = 0.0;
  double sum_of_squares = 0.0;
  double sum_of_fourth_powers = 0.0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double z = standard_normal(stream);
    sum += z;
    sum_of_squares += z * z;
    sum_of_fourth_powers += z * z * z * z;
  }
  const auto n = static_cast<double>(kDraws);
  // Standard errors: 1, sqrt(2) and sqrt(96) (Var Z^4 = 105 - 9) over sqrt(N).
  EXPECT_NEAR(sum / n, 0.0, 4.0 / std::sqrt(n));
  EXPECT_NEAR(sum_of_squares / n, 1.0, 4.0 * std::sqrt(2.0 / n));
  EXPECT_NEAR(sum_of_fourth_powers / n, 3.0, 4.0 * std::sqrt(96.0 / n));
}

TEST(StandardNormal, HistogramMatchesCdf) {
  // 80 bins of width 0.1 on [-4, 4] plus the two tails, as a pmf over bin indices.
  constexpr std::size_t kInnerBins = 80;
  constexpr double kWidth = 0.1;
  const auto cdf = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
  std::vector<double> pmf(kInnerBins + 2);
  pmf.front() = cdf(-4.0);
  for (std::size_t i = 0; i < kInnerBins; ++i) {
    const double left = -4.0 + kWidth * static_cast<double>(i);
    pmf[i + 1] = cdf(left + kWidth) - cdf(left);
  }
  pmf.back() = 1.0 - cdf(4.0);
  RandomStream stream({32, 0}, {0, 0, 0});
  const auto bin_of_draw = [&]() -> std::size_t {
    const double z = standard_normal(stream);
    if (z < -4.0) {
      return 0;
    }
    if (z >= 4.0) {
      return kInnerBins + 1;
    }
    return 1 + static_cast<std::size_t>((z + 4.0) / kWidth);
  };
  const auto fit = testing::chi_square_against_pmf(bin_of_draw, pmf, kDraws);
  EXPECT_LT(fit.statistic,
            testing::chi_square_quantile(fit.degrees_of_freedom, testing::kNormalQuantile1e4))
      << "degrees of freedom " << fit.degrees_of_freedom;
}

}  // namespace
}  // namespace seccoop::sim
