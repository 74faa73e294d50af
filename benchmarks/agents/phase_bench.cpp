// Cost of each weekly phase, and of a whole week, on the default world's baseline in the middle
// of a run. Every iteration simulates a real week (all phases, in order, on the state the
// previous week left) and reports only the phase under test, so each phase sees the state it
// sees in a run rather than a state it left itself. Phases are timed in thread CPU time: the
// machines these run on are shared, and a phase's wall time there measures the neighbours.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "agents/model/invariants.hpp"
#include "agents/model/phases.hpp"
#include "agents/model/run_state.hpp"
#include "agents/model/simulation.hpp"
#include "agents/scenario/experiment.hpp"
#include "week_loop.hpp"

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
    bench::simulate_first_weeks(snapshot, kWarmUpWeeks);
  }
};

const MidRun& mid_run() {
  static const auto kMidRun = std::make_unique<MidRun>(
      load_experiment(SECCOOP_SOURCE_DIR "/configs/scenarios/baseline.yaml", {}));
  return *kMidRun;
}

using PhaseFunction = void (*)(RunState&);

void check_invariants(RunState& state) { check_week_invariants(state); }

/// The phases of week_pipeline(), by name, so that one of them can be timed on its own. A
/// phase the pipeline gains and this table lacks stops the benchmarks at start-up (and so
/// fails the `benchmarks_smoke` test) instead of leaving a phase unmeasured.
std::vector<PhaseFunction> pipeline_phases() {
  const std::pair<const char*, PhaseFunction> known[] = {{"events", run_events_phase},
                                                         {"policy", run_policy_phase},
                                                         {"intelligence", run_intelligence_phase},
                                                         {"operations", run_operations_phase},
                                                         {"cartels", run_cartel_phase},
                                                         {"flows", run_flows_phase},
                                                         {"trust", run_trust_phase},
                                                         {"record", run_record_phase},
                                                         {"invariants", check_invariants}};
  std::vector<PhaseFunction> phases;
  for (const auto& name : week_pipeline().names()) {
    PhaseFunction found = nullptr;
    for (const auto& [known_name, function] : known) {
      if (name == known_name) found = function;
    }
    if (found == nullptr) throw std::logic_error("phase_bench.cpp does not know phase " + name);
    phases.push_back(found);
  }
  return phases;
}

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

/// What reading the clock twice costs (a system call: about a microsecond on a VM, more than
/// the smallest phases), subtracted from each phase's time.
double clock_overhead_seconds() {
  static const double kOverhead = [] {
    constexpr int kReads = 10000;
    const double started = thread_cpu_seconds();
    for (int i = 0; i < kReads; ++i) benchmark::DoNotOptimize(thread_cpu_seconds());
    return (thread_cpu_seconds() - started) / kReads;
  }();
  return kOverhead;
}

/// Simulates one week per iteration; with `phase` set, reports that phase's CPU time alone
/// (manual time), otherwise the whole week's.
void simulate_weeks(benchmark::State& state, std::optional<std::size_t> phase) {
  const MidRun& start = mid_run();
  const auto weeks = static_cast<std::uint64_t>(start.world.scenario->weeks);
  const auto phases = pipeline_phases();
  const double overhead = clock_overhead_seconds();
  RunState run = start.snapshot;
  for (auto _ : state) {
    bench::begin_week(state, run, start.snapshot, weeks);
    for (std::size_t i = 0; i < phases.size(); ++i) {
      if (i != phase) {
        phases[i](run);
        continue;
      }
      const double started = thread_cpu_seconds();
      phases[i](run);
      state.SetIterationTime(std::max(thread_cpu_seconds() - started - overhead, 0.0));
    }
    ++run.week;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_WeekDefaultWorld(benchmark::State& state) { simulate_weeks(state, std::nullopt); }
BENCHMARK(BM_WeekDefaultWorld)->Unit(benchmark::kMicrosecond);

/// One benchmark per phase of week_pipeline(), named after it. Its "Time" is the phase's CPU
/// time per week; its "CPU" column is the whole week's (what the benchmark's thread did).
bool register_phase_benchmarks() {
  static_cast<void>(pipeline_phases());  // throws now if a phase is unknown
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
