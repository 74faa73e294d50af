// What one draw costs the model: the Sampler opens a fresh counter-based stream per entity,
// week and purpose, then draws once, so its cost is a stream's first block plus the draw
// (compare bm_construct_and_first_draw and the distribution benchmarks in sim/).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "agents/model/sampler.hpp"

namespace seccoop::agents {
namespace {

const Sampler kStochastic(true, {.master_seed = 1, .run_index = 0});

void BM_SamplerOccurs(benchmark::State& state) {
  std::uint64_t entity = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(kStochastic.occurs(0.3, 1, entity++, DrawPurpose::leak));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SamplerOccurs);

// Argument: the mean (below 10 inversion, from 10 transformed rejection).
void BM_SamplerCount(benchmark::State& state) {
  const auto mean = static_cast<double>(state.range(0));
  std::uint64_t entity = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(kStochastic.count(mean, 1, entity++, DrawPurpose::hvt));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SamplerCount)->Arg(2)->Arg(50);

// Arguments: trials and the success probability in percent.
void BM_SamplerSuccesses(benchmark::State& state) {
  const auto trials = static_cast<double>(state.range(0));
  const double p = static_cast<double>(state.range(1)) / 100.0;
  std::uint64_t entity = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(kStochastic.successes(trials, p, 1, entity++, DrawPurpose::seizure));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SamplerSuccesses)->Args({20, 10})->Args({5000, 2});

}  // namespace
}  // namespace seccoop::agents
