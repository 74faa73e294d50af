#pragma once
// The week-by-week loop shared by the benchmarks that time single weeks of a run.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "agents/model/run_state.hpp"
#include "agents/model/simulation.hpp"

namespace seccoop::agents::bench {

/// Simulates the first `weeks` weeks of `run`, leaving it at the start of the next one: the
/// state from which a benchmark times weeks.
inline void simulate_first_weeks(RunState& run, std::uint64_t weeks) {
  auto week = week_pipeline();
  for (run.week = 1; run.week <= weeks; ++run.week) {
    start_week(run);
    week.run_week(run);
  }
}

/// Begins the next timed week of `run` as simulate_run does. Past the scenario's last week
/// (`weeks`) the run starts again from `snapshot`, outside the timing, so that a benchmark
/// can take as many weeks as it needs from the same stretch of a run.
inline void begin_week(benchmark::State& state, RunState& run, const RunState& snapshot,
                       std::uint64_t weeks) {
  if (run.week > weeks) {
    state.PauseTiming();
    run = snapshot;
    state.ResumeTiming();
  }
  start_week(run);
}

}  // namespace seccoop::agents::bench
