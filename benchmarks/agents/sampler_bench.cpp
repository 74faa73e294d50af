// What one draw costs the model: the Sampler opens a fresh counter-based stream per entity,
// week and purpose, then draws once, so its cost is a stream's first block plus the draw
// (compare bm_construct_and_first_draw and the distribution benchmarks in sim/). Each draw is
// of a new week: checked builds (the dev preset) refuse a stream drawn from twice in a week,
// and keep a list of the week's streams that a new week empties (a fresh Sampler per call of a
// benchmark, since Google Benchmark calls each several times).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "agents/model/sampler.hpp"

namespace seccoop::agents {
namespace {

Sampler stochastic_sampler() { return {true, {.master_seed = 1, .run_index = 0}}; }

void BM_SamplerOccurs(benchmark::State& state) {
  const Sampler sampler = stochastic_sampler();
  std::uint64_t week = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sampler.occurs(0.3, ++week, 7, DrawPurpose::leak));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SamplerOccurs);

// Argument: the mean (below 10 inversion, from 10 transformed rejection).
void BM_SamplerCount(benchmark::State& state) {
  const auto mean = static_cast<double>(state.range(0));
  const Sampler sampler = stochastic_sampler();
  std::uint64_t week = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sampler.count(mean, ++week, 7, DrawPurpose::hvt));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SamplerCount)->Arg(2)->Arg(50);

// Arguments: trials and the success probability in percent.
void BM_SamplerSuccesses(benchmark::State& state) {
  const auto trials = static_cast<double>(state.range(0));
  const double p = static_cast<double>(state.range(1)) / 100.0;
  const Sampler sampler = stochastic_sampler();
  std::uint64_t week = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sampler.successes(trials, p, ++week, 7, DrawPurpose::seizure));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SamplerSuccesses)->Args({20, 10})->Args({5000, 2});

}  // namespace
}  // namespace seccoop::agents
