#include "sim/experiment/sobol_sequence.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {
namespace {

TEST(SobolSequence, FirstPointsOfDimensionsOneToThreeMatchPublishedValues) {
  // The sequence of Joe & Kuo 2008 (new-joe-kuo-6.21201) in the Antonov-Saleev order.
  const std::vector<std::array<double, 3>> expected = {
      {0.0, 0.0, 0.0},       {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},
      {0.25, 0.75, 0.75},    {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125},
      {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}, {0.1875, 0.3125, 0.9375}};
  const SobolSequence sequence(3);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto point = sequence.point(i);
    for (std::size_t d = 0; d < 3; ++d) EXPECT_EQ(point[d], expected[i][d]) << i << " " << d;
  }
}

TEST(SobolSequence, FarPointMatchesReferenceInEveryTabulatedDimension) {
  // Point 0x9E3779B9 uses all 32 direction numbers of every dimension, so a typo anywhere in
  // the table or the recurrence changes it. Reference: SciPy 1.10 qmc.Sobol(33, scramble=False,
  // bits=32), which reads the same Joe-Kuo file; values times 2^32.
  const std::array<std::uint64_t, 33> expected = {
      2795713675, 4062757213, 2956433235, 26559561,   878872991,  639690533,  1869405801,
      3367472427, 2458501051, 499582827,  214933327,  2946384279, 3252434261, 462140505,
      3656275759, 4011342315, 4275150201, 3767020003, 455505021,  2906272141, 576649867,
      667744899,  2292901003, 546180743,  2793477007, 837343369,  3489902721, 2907104651,
      1832146931, 318585559,  4161901631, 2478090709, 2375404505};
  const SobolSequence sequence(SobolSequence::kMaxDimensions);
  const auto point = sequence.point(0x9E3779B9);
  for (std::size_t d = 0; d < expected.size(); ++d) {
    EXPECT_EQ(point[d] * 0x1.0p32, static_cast<double>(expected[d])) << "dimension " << d + 1;
  }
}

TEST(SobolSequence, DimensionsOneAndTwoFormA0m2Net) {
  // Every dyadic box of area 2^-m (2^-a wide, 2^-(m-a) high) holds exactly one of the first
  // 2^m points: the (0,m,2)-net property of the first two Sobol dimensions.
  const SobolSequence sequence(2);
  for (unsigned m = 1; m <= 12; ++m) {
    const std::size_t n = std::size_t{1} << m;
    std::vector<std::array<double, 2>> points;
    for (std::size_t i = 0; i < n; ++i) {
      const auto p = sequence.point(i);
      points.push_back({p[0], p[1]});
    }
    for (unsigned a = 0; a <= m; ++a) {
      std::vector<int> boxes(n, 0);
      for (const auto& p : points) {
        const auto column = static_cast<std::size_t>(std::ldexp(p[0], static_cast<int>(a)));
        const auto row = static_cast<std::size_t>(std::ldexp(p[1], static_cast<int>(m - a)));
        ++boxes[(column << (m - a)) + row];
      }
      for (std::size_t b = 0; b < n; ++b) ASSERT_EQ(boxes[b], 1) << "m " << m << " a " << a;
    }
  }
}

TEST(SobolSequence, EveryDimensionPutsOnePointInEachOfTheFirstIntervals) {
  constexpr unsigned kM = 10;
  const SobolSequence sequence(SobolSequence::kMaxDimensions);
  std::vector<std::vector<int>> counts(sequence.dimensions(), std::vector<int>(1U << kM, 0));
  for (std::size_t i = 0; i < (1U << kM); ++i) {
    const auto point = sequence.point(i);
    for (std::size_t d = 0; d < point.size(); ++d) {
      ++counts[d][static_cast<std::size_t>(std::ldexp(point[d], kM))];
    }
  }
  for (std::size_t d = 0; d < counts.size(); ++d) {
    for (const int count : counts[d]) ASSERT_EQ(count, 1) << "dimension " << d + 1;
  }
}

TEST(SobolSequence, UntabulatedDimensionsAndIndicesAreInternalErrors) {
  EXPECT_THROW(SobolSequence(0), InternalError);
  EXPECT_THROW(SobolSequence(SobolSequence::kMaxDimensions + 1), InternalError);
  const SobolSequence sequence(2);
  EXPECT_NO_THROW((void)sequence.point(SobolSequence::kMaxIndex));
  EXPECT_THROW((void)sequence.point(SobolSequence::kMaxIndex + 1), InternalError);
}

}  // namespace
}  // namespace seccoop::sim
