// A whole sweep in process: 50 replications of the baseline (208 weeks, stochastic, every
// series) through the experiment runner into a results file, on 1 and 2 threads. Wall time,
// since the runs are spread over threads; runs/s is items_per_second.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "agents/runner/experiment_runner.hpp"
#include "bench_files.hpp"

namespace seccoop::agents {
namespace {

constexpr std::uint32_t kSweepRuns = 50;

void BM_Sweep(benchmark::State& state) {
  const Experiment experiment = load_experiment(
      SECCOOP_SOURCE_DIR "/configs/scenarios/baseline.yaml", {.replications = kSweepRuns});
  const RunOptions options{.output = bench::scratch_directory() / "sweep.h5",
                           .threads = static_cast<std::size_t>(state.range(0)),
                           .force = true,
                           .command_line = "seccoop_benchmarks"};
  for (auto _ : state) {
    const ExperimentSummary summary = run_experiment(experiment, options);
    benchmark::DoNotOptimize(summary.runs_computed);
  }
  state.SetItemsProcessed(state.iterations() * kSweepRuns);
}
BENCHMARK(BM_Sweep)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace seccoop::agents
