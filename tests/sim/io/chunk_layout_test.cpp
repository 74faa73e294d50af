#include "sim/io/chunk_layout.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <numeric>

namespace seccoop::sim::io::detail {
namespace {

std::size_t chunk_bytes(const std::vector<std::size_t>& chunk, std::size_t element_bytes) {
  return std::accumulate(chunk.begin(), chunk.end(), element_bytes, std::multiplies<>());
}

TEST(ResultsChunkLayoutTest, OneRunPerChunkForSeriesThatFillAChunk) {
  // members(run, week, cartel) over ten years of 12 cartels: one run is 49,920 bytes.
  const std::vector<std::size_t> shape{0, 520, 12};
  EXPECT_EQ(choose_chunk_shape(shape, true, 8), (std::vector<std::size_t>{1, 520, 12}));
}

TEST(ResultsChunkLayoutTest, SmallRowsAreGroupedIntoChunksOfAboutSixtyFourKiB) {
  EXPECT_EQ(choose_chunk_shape(std::vector<std::size_t>{0}, true, 8),
            std::vector<std::size_t>{8192});
  EXPECT_EQ(choose_chunk_shape(std::vector<std::size_t>{5}, true, 1),
            std::vector<std::size_t>{65536});
}

TEST(ResultsChunkLayoutTest, HugeRowsAreSplitBelowFourMiB) {
  // trust(run, week, edge): 520 weeks x 5,000 edges x 8 bytes = 20.8 MB per run.
  const auto chunk = choose_chunk_shape(std::vector<std::size_t>{7, 520, 5000}, true, 8);
  EXPECT_EQ(chunk.front(), 1U);
  EXPECT_LE(chunk_bytes(chunk, 8), kLargestChunkBytes);
  EXPECT_GT(chunk_bytes(chunk, 8), kLargestChunkBytes / 2);
}

TEST(ResultsChunkLayoutTest, StaticVariablesAreOneChunkUnlessHuge) {
  EXPECT_EQ(choose_chunk_shape(std::vector<std::size_t>{520}, false, 16),
            std::vector<std::size_t>{520});
  const auto chunk = choose_chunk_shape(std::vector<std::size_t>{4000, 4000}, false, 8);
  EXPECT_LE(chunk_bytes(chunk, 8), kLargestChunkBytes);
}

}  // namespace
}  // namespace seccoop::sim::io::detail
