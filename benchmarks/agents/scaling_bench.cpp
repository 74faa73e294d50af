// One week of generated worlds from 1k to 1M rivalries and alliances, on one thread: the cost
// per (cartel + edge) must stay flat as the world grows (no term quadratic in either).
//
// The argument is the number of edges (cartel pairs, two rivalries for each alliance, as in
// configs/scenarios/synthetic-large.yaml); cartels are a tenth of it and regions as many as
// cartels, so every per-cartel, per-region and per-edge term grows in proportion. State actors
// (6 + 6) and fentanyl cartels (20) stay fixed, as in the default world.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "agents/model/run_state.hpp"
#include "agents/model/simulation.hpp"
#include "agents/scenario/experiment.hpp"
#include "agents/world/world_generator.hpp"
#include "week_loop.hpp"

namespace seccoop::agents {
namespace {

// A few weeks in, so that the conflict network has been built and splits can have happened.
constexpr std::uint64_t kWarmUpWeeks = 4;

GeneratorSettings settings_for(std::uint64_t edges) {
  const std::uint64_t cartels = edges / 10;
  return {.seed = 7,
          .cartels = cartels,
          .total_members = 100 * cartels,
          .regions = std::max<std::uint64_t>(cartels, 32),
          .presence_per_cartel = 3,
          .rivalries = edges - edges / 3,
          .alliances = edges / 3};
}

/// A generated world's run after kWarmUpWeeks. The scenario (52 weeks, stochastic, no events)
/// is configs/scenarios/synthetic-large.yaml with the world replaced.
struct GeneratedRun {
  Scenario scenario;
  World world;
  RunRecord record;
  RunState snapshot;

  GeneratedRun(Scenario base, const GeneratorSettings& settings)
      : scenario(with_world(std::move(base), settings)),
        world(build_world(scenario)),
        record(0, static_cast<std::size_t>(scenario.weeks), world.axis_sizes()),
        snapshot(world, {.master_seed = 1, .run_index = 0}, record) {
    bench::simulate_first_weeks(snapshot, kWarmUpWeeks);
  }

  static Scenario with_world(Scenario scenario, const GeneratorSettings& settings) {
    scenario.generator = settings;
    scenario.world = generate_world(settings);
    return scenario;
  }
};

/// Only the size being measured is kept: Google Benchmark calls a benchmark several times
/// (to size its iterations, then per repetition), and building the 1M-edge world takes
/// seconds, but keeping every size would hold all of them in memory at once.
const GeneratedRun& generated_run(std::uint64_t edges) {
  static std::uint64_t cached_edges = 0;
  static std::unique_ptr<GeneratedRun> cached;
  if (cached_edges != edges) {
    cached.reset();
    const Experiment experiment =
        load_experiment(SECCOOP_SOURCE_DIR "/configs/scenarios/synthetic-large.yaml", {});
    cached = std::make_unique<GeneratedRun>(experiment.scenarios.front(), settings_for(edges));
    cached_edges = edges;
  }
  return *cached;
}

void BM_GeneratedWorldWeek(benchmark::State& state) {
  const auto edges = static_cast<std::uint64_t>(state.range(0));
  const GeneratedRun& start = generated_run(edges);
  const auto weeks = static_cast<std::uint64_t>(start.scenario.weeks);
  RunState run = start.snapshot;
  auto week = week_pipeline();
  week.set_timed(true);  // two clock reads per phase: negligible against a week here
  for (auto _ : state) {
    bench::begin_week(state, run, start.snapshot, weeks);
    week.run_week(run);
    ++run.week;
  }
  const auto cartels = static_cast<double>(start.world.initial_cartels());
  const auto pairs = static_cast<double>(start.world.definition->rivalries.size() +
                                         start.world.definition->alliances.size());
  state.counters["cartels"] = cartels;
  state.counters["edges"] = pairs;
  // Seconds per (cartel + edge) and week: flat across sizes when the week is linear.
  state.counters["s_per_element"] = benchmark::Counter(
      cartels + pairs, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  // Nanoseconds per element and week in each phase: the phase whose figure grows with the
  // world is where a superlinear term is.
  for (const auto& [phase, seconds] : week.seconds_by_phase()) {
    state.counters["ns_" + phase] =
        benchmark::Counter(1e9 * seconds / (cartels + pairs), benchmark::Counter::kAvgIterations);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GeneratedWorldWeek)
    ->RangeMultiplier(10)
    ->Range(1'000, 1'000'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace seccoop::agents
