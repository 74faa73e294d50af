// Cost per draw of the engine's random streams and distributions.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "sim/random/distributions.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::sim {
namespace {

constexpr StreamKey kKey{1, 0};
constexpr StreamCounter kCounter{0, 0, 0};

void bm_next_u64(benchmark::State& state) {
  RandomStream stream(kKey, kCounter);
  for (auto _ : state) {
    benchmark::DoNotOptimize(stream.next_u64());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_next_u64);

// What a model pays per entity and week: a fresh stream and its first draw (one Philox block).
void bm_construct_and_first_draw(benchmark::State& state) {
  std::uint64_t entity = 0;
  for (auto _ : state) {
    RandomStream stream(kKey, {0, entity++, 0});
    benchmark::DoNotOptimize(stream.next_u64());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_construct_and_first_draw);

void bm_uniform_open01(benchmark::State& state) {
  RandomStream stream(kKey, kCounter);
  for (auto _ : state) {
    benchmark::DoNotOptimize(stream.uniform_open01());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_uniform_open01);

void bm_bernoulli(benchmark::State& state) {
  RandomStream stream(kKey, kCounter);
  for (auto _ : state) {
    benchmark::DoNotOptimize(bernoulli(stream, 0.3));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_bernoulli);

void bm_standard_normal(benchmark::State& state) {
  RandomStream stream(kKey, kCounter);
  for (auto _ : state) {
    benchmark::DoNotOptimize(standard_normal(stream));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_standard_normal);

// Argument: the mean. 1, 3 and 9 use inversion; 10 and above transformed rejection.
void bm_poisson(benchmark::State& state) {
  const auto mean = static_cast<double>(state.range(0));
  RandomStream stream(kKey, kCounter);
  for (auto _ : state) {
    benchmark::DoNotOptimize(poisson(stream, mean));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_poisson)->Arg(1)->Arg(3)->Arg(9)->Arg(10)->Arg(40)->Arg(1000)->Arg(1'000'000);

// Arguments: trials and the success probability in percent. n * p < 10 uses inversion.
void bm_binomial(benchmark::State& state) {
  const auto trials = static_cast<std::uint64_t>(state.range(0));
  const double p = static_cast<double>(state.range(1)) / 100.0;
  RandomStream stream(kKey, kCounter);
  for (auto _ : state) {
    benchmark::DoNotOptimize(binomial(stream, trials, p));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_binomial)
    ->Args({20, 10})
    ->Args({100, 5})
    ->Args({50, 40})
    ->Args({1000, 30})
    ->Args({1'000'000, 99})
    ->Args({1'000'000'000, 50});

}  // namespace
}  // namespace seccoop::sim
