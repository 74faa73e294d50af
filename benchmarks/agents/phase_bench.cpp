// Cost of each weekly phase, and of a whole week, on the default world's baseline in the middle
// of a run. Every iteration simulates a real week (all phases, in order, on the state the
// previous week left) and reports only the phase under test, so each phase sees the state it
// sees in a run rather than a state it left itself.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "agents/model/run_state.hpp"
#include "agents/model/simulation.hpp"
#include "agents/scenario/experiment.hpp"

namespace seccoop::agents {
namespace {

// A year in, splits and trust have moved away from their initial values.
constexpr std::uint64_t kWarmUpWeeks = 52;
// Fixed, because a phase can cost a hundredth of the week each iteration simulates: letting
// the phase's own time decide the iteration count would run millions of untimed weeks.
constexpr benchmark::IterationCount kWeeksPerRepetition = 1000;

/// The baseline's state after kWarmUpWeeks, kept to restart from when a run reaches its end.
struct MidRun {
  Experiment experiment;
  World world;
  RunRecord record;
  RunState snapshot;

  explicit MidRun(Experiment loaded)
      : experiment(std::move(loaded)),
        world(build_world(experiment.scenarios.front())),
        record(0, static_cast<std::size_t>(world.scenario->weeks), world.axis_sizes()),
        snapshot(world, {.master_seed = 1, .run_index = 0}, record) {
    auto week = week_pipeline();
    for (snapshot.week = 1; snapshot.week <= kWarmUpWeeks; ++snapshot.week) {
      start_week(snapshot);
      week.run_week(snapshot);
    }
  }
};

const MidRun& mid_run() {
  static const auto kMidRun = std::make_unique<MidRun>(
      load_experiment(SECCOOP_SOURCE_DIR "/configs/scenarios/baseline.yaml", {}));
  return *kMidRun;
}

/// Simulates one week per iteration; with `phase` set, reports that phase's time alone
/// (manual time), otherwise the whole week's.
void simulate_weeks(benchmark::State& state, std::optional<std::size_t> phase) {
  const MidRun& start = mid_run();
  const auto weeks = static_cast<std::uint64_t>(start.world.scenario->weeks);
  RunState run = start.snapshot;
  auto week = week_pipeline();
  week.set_timed(phase.has_value());
  double phase_seconds = 0.0;
  for (auto _ : state) {
    if (run.week > weeks) {
      state.PauseTiming();
      run = start.snapshot;
      state.ResumeTiming();
    }
    start_week(run);
    week.run_week(run);
    ++run.week;
    if (phase) {
      const double total = week.seconds_by_phase()[*phase].second;
      state.SetIterationTime(total - phase_seconds);
      phase_seconds = total;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_WeekDefaultWorld(benchmark::State& state) { simulate_weeks(state, std::nullopt); }
BENCHMARK(BM_WeekDefaultWorld)->Unit(benchmark::kMicrosecond);

/// One benchmark per phase of week_pipeline(), named after it, so that a phase added to the
/// pipeline is benchmarked without touching this file.
bool register_phase_benchmarks() {
  const auto names = week_pipeline().names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    benchmark::RegisterBenchmark(("BM_Phase/" + names[i]).c_str(),
                                 [i](benchmark::State& state) { simulate_weeks(state, i); })
        ->UseManualTime()
        ->Iterations(kWeeksPerRepetition)
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}
[[maybe_unused]] const bool kPhaseBenchmarksRegistered = register_phase_benchmarks();

}  // namespace
}  // namespace seccoop::agents
