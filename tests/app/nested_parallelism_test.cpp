// Inside one run, large worlds split their cartel loops over threads; the results must not
// change: one experiment with one run at a time on 1 and on 2 threads gives the same data.
#include <gtest/gtest.h>

#include "tests/app/results_comparison.hpp"
#include "tests/support/command.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

TEST(NestedParallelism, LargeWorldRunsAreBitIdenticalOnOneAndTwoThreads) {
  const auto experiment = (source_dir() / "tests/data/configs/large-world.yaml").string();
  TempDir dir;
  for (const char* threads : {"1", "2"}) {
    const auto result = run_seccoop("run '" + experiment + "' --quiet --threads " + threads +
                                    " -o " + (dir / (std::string("t") + threads + ".h5")).string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  expect_same_data(dir / "t1.h5", dir / "t2.h5");
}

}  // namespace
}  // namespace seccoop::testing
