// Whole runs of the model: the calibrated core on the published network (520 weeks, expected
// values) and the default world's baseline (208 weeks, stochastic, every series recorded).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "agents/model/simulation.hpp"
#include "agents/scenario/experiment.hpp"

namespace seccoop::agents {
namespace {

const std::filesystem::path kConfigs = SECCOOP_SOURCE_DIR "/configs/scenarios";

void run_scenario(benchmark::State& state, const char* file) {
  const Experiment experiment = load_experiment(kConfigs / file, {});
  const World world = build_world(experiment.scenarios.front());
  std::uint64_t run = 0;
  for (auto _ : state) {
    RunRecord record = simulate_run(world, {.master_seed = 1, .run_index = run++});
    benchmark::DoNotOptimize(record.values(Series::members).data());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CoreRunPublishedNetwork520Weeks(benchmark::State& state) {
  run_scenario(state, "core-2012.yaml");
}
BENCHMARK(BM_CoreRunPublishedNetwork520Weeks)->Unit(benchmark::kMillisecond);

void BM_BaselineRunDefaultWorld208Weeks(benchmark::State& state) {
  run_scenario(state, "baseline.yaml");
}
BENCHMARK(BM_BaselineRunDefaultWorld208Weeks)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace seccoop::agents
