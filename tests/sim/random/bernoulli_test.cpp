#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>

#include "sim/random/distributions.hpp"

namespace seccoop::sim {
namespace {

TEST(Bernoulli, FrequencyWithinFourStandardErrors) {
  constexpr std::size_t kDraws = 1'000'000;
  constexpr double kP = 0.3;
  RandomStream stream({41, 0}, {0, 0, 0});
  std::size_t successes = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    successes += bernoulli(stream, kP) ? 1U : 0U;
  }
  const auto n = static_cast<double>(kDraws);
  EXPECT_NEAR(static_cast<double>(successes) / n, kP, 4.0 * std::sqrt(kP * (1.0 - kP) / n));
}

TEST(Bernoulli, ProbabilitiesOutsideTheUnitIntervalAreClamped) {
  RandomStream stream({42, 0}, {0, 0, 0});
  for (int i = 0; i < 10'000; ++i) {
    EXPECT_FALSE(bernoulli(stream, 0.0));
    EXPECT_FALSE(bernoulli(stream, -1.0));
    EXPECT_FALSE(bernoulli(stream, std::numeric_limits<double>::quiet_NaN()));
    EXPECT_TRUE(bernoulli(stream, 1.0));
    EXPECT_TRUE(bernoulli(stream, 2.0));
  }
}

TEST(Bernoulli, ConsumesExactlyOneDrawWhateverP) {
  // Keeps streams aligned between scenarios that differ only in a probability.
  RandomStream stream({43, 0}, {0, 0, 0});
  RandomStream reference({43, 0}, {0, 0, 0});
  for (const double p : {0.0, 0.5, 1.0, -3.0}) {
    bernoulli(stream, p);
    reference.next_u64();
  }
  EXPECT_EQ(stream.next_u64(), reference.next_u64());
}

}  // namespace
}  // namespace seccoop::sim
