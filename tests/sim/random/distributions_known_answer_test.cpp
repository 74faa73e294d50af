#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "sim/random/distributions.hpp"

namespace seccoop::sim {
namespace {

// If one of these fails, a sampler, its branch points or the order of its draws changed (or the
// C library's exp/log differs): results stored by earlier versions will not be reproduced.
// Update the pinned values only on purpose.
TEST(RandomDistributionsKnownAnswer, PinnedDrawsForAFixedStream) {
  RandomStream stream({20240611, 3}, {17, 42, 8});
  const auto draw_counts = [&](auto draw) {
    std::vector<std::uint64_t> values(6);
    for (auto& value : values) {
      value = draw();
    }
    return values;
  };
  using Counts = std::vector<std::uint64_t>;
  EXPECT_EQ(draw_counts([&] { return poisson(stream, 3.5); }), (Counts{4, 2, 5, 3, 4, 3}));
  EXPECT_EQ(draw_counts([&] { return poisson(stream, 40.0); }), (Counts{48, 44, 37, 28, 41, 53}));
  EXPECT_EQ(draw_counts([&] { return binomial(stream, 50, 0.4); }),
            (Counts{21, 21, 15, 24, 26, 22}));
  EXPECT_EQ(draw_counts([&] { return binomial(stream, 20, 0.1); }), (Counts{1, 0, 2, 2, 1, 0}));
  // Within 4 ulps: a libm whose log differs in the last bit should not fail the build, a changed
  // algorithm will.
  EXPECT_DOUBLE_EQ(standard_normal(stream), 0.54711627467531565);
  EXPECT_DOUBLE_EQ(standard_normal(stream), -0.83694816302023389);
}

}  // namespace
}  // namespace seccoop::sim
