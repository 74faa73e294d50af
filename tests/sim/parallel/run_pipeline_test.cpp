// The run pipeline (sim/parallel/run_pipeline.hpp) in-process, so that ThreadSanitizer sees
// both sides of every hand-over: runs are simulated concurrently and written once each, in
// order, whatever the thread count; an error in a worker (a user error, or an invariant the
// model broke) reaches the caller instead of being lost on a pool thread.
#include "sim/parallel/run_pipeline.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "sim/parallel/parallel_blocks.hpp"

namespace seccoop::sim {
namespace {

/// Enough work per run that several are in flight at once.
std::vector<double> simulate(std::uint64_t run) {
  std::vector<double> values(256);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = static_cast<double>(run) + static_cast<double>(i) * 1e-3;
    for (int k = 0; k < 50; ++k) values[i] = values[i] * 0.999 + 1e-6;
  }
  return values;
}

TEST(RunPipeline, WritesEveryRunOnceInOrderForAnyThreadCount) {
  std::vector<std::uint64_t> runs(200);
  std::iota(runs.begin(), runs.end(), std::uint64_t{0});
  std::vector<std::vector<double>> serial;
  for (const std::size_t threads : {1U, 2U, 4U}) {
    std::vector<std::uint64_t> order;
    std::vector<std::vector<double>> written;
    run_pipeline(runs, threads, simulate, [&](std::uint64_t run, std::vector<double>&& values) {
      order.push_back(run);
      written.push_back(std::move(values));
    });
    EXPECT_EQ(order, runs) << threads << " threads";
    if (threads == 1) serial = written;
    EXPECT_EQ(written, serial) << threads << " threads";
  }
}

TEST(RunPipeline, AnErrorInAWorkerReachesTheCaller) {
  std::vector<std::uint64_t> runs(64);
  std::iota(runs.begin(), runs.end(), std::uint64_t{0});
  std::size_t written = 0;
  EXPECT_THROW(run_pipeline(
                   runs, 2,
                   [](std::uint64_t run) {
                     if (run == 37) throw std::logic_error("invariant violated in run 37");
                     return simulate(run);
                   },
                   [&](std::uint64_t, std::vector<double>&&) { ++written; }),
               std::logic_error);
  EXPECT_LT(written, runs.size());
}

TEST(ParallelBlocks, LargeLoopsCoverEveryItemOnceInsideARun) {
  std::vector<std::uint64_t> runs = {0, 1, 2, 3};
  run_pipeline(
      runs, 2,
      [](std::uint64_t run) {
        std::vector<std::uint64_t> items(3 * kParallelItemsMin, 0);
        for_each_block(items.size(), [&](std::size_t begin, std::size_t end) {
          for (std::size_t i = begin; i < end; ++i) items[i] += run + 1;
        });
        return items;
      },
      [](std::uint64_t run, std::vector<std::uint64_t>&& items) {
        for (const auto value : items) ASSERT_EQ(value, run + 1);
      });
}

}  // namespace
}  // namespace seccoop::sim
