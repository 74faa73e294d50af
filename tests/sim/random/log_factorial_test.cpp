#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "sim/random/distributions.hpp"

namespace seccoop::sim {
namespace {

TEST(RandomLogFactorial, ExactSumsOfLogarithmsForSmallArguments) {
  // Covers the table of Stirling corrections and the switch to the series at 16.
  long double exact = 0.0L;
  for (std::uint64_t k = 0; k <= 200; ++k) {
    if (k > 1) {
      exact += std::log(static_cast<long double>(k));
    }
    EXPECT_NEAR(log_factorial(k), static_cast<double>(exact),
                1e-13 * (1.0 + static_cast<double>(exact)))
        << "k = " << k;
  }
}

TEST(RandomLogFactorial, AgreesWithLgammaForLargeArguments) {
  for (const double k : {1e3, 1e6, 1e9, 1e12, 1e15}) {
    const double expected = std::lgamma(k + 1.0);
    EXPECT_NEAR(log_factorial(static_cast<std::uint64_t>(k)), expected, 1e-14 * expected)
        << "k = " << k;
  }
}

}  // namespace
}  // namespace seccoop::sim
