#include "agents/runner/experiment_runner.hpp"

#include <chrono>
#include <ctime>
#include <numeric>

#include "agents/model/simulation.hpp"
#include "agents/output/results_layout.hpp"
#include "seccoop/revision.hpp"
#include "sim/parallel/run_pipeline.hpp"

namespace seccoop::agents {

namespace {

/// Flush at least this often, so a killed job loses at most this much work.
constexpr auto kFlushInterval = std::chrono::seconds(5);

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::vector<sim::io::Attribute> global_attributes(const Experiment& experiment,
                                                  const RunOptions& options) {
  return {{"Conventions", std::string("CF-1.8")},
          {"title", "seccoop results: " + experiment.name},
          {"seccoop_version", std::string(kVersion)},
          {"source_revision", std::string(kSourceRevision)},
          {"created", utc_now_iso()},
          {"command_line", options.command_line},
          {"experiment_yaml", resolved_yaml(experiment)}};
}

/// Running sums for the summary table, per scenario.
class SummaryAccumulator {
 public:
  explicit SummaryAccumulator(const Experiment& experiment) {
    for (const auto& scenario : experiment.scenarios) summaries_.push_back({.name = scenario.name});
  }

  void add(std::uint32_t scenario, const RunRecord& record) {
    ScenarioSummary& s = summaries_[scenario];
    const std::size_t last = record.weeks();
    const auto members = record.week_values(Series::members, last);
    s.runs += 1;
    s.final_members += std::accumulate(members.begin(), members.end(), 0.0);
    s.first_week_deaths += record.get(Series::deaths, 1);
    s.last_week_deaths += record.get(Series::deaths, last);
    const std::size_t year = std::min<std::size_t>(52, last);
    double homicides = 0.0;
    for (std::size_t week = last - year + 1; week <= last; ++week) {
      homicides += record.get(Series::homicides, week);
    }
    s.homicides_per_year_last += homicides * 52.0 / static_cast<double>(year);
  }

  std::vector<ScenarioSummary> means() const {
    std::vector<ScenarioSummary> result = summaries_;
    for (auto& s : result) {
      if (s.runs == 0) continue;
      const auto n = static_cast<double>(s.runs);
      s.final_members /= n;
      s.first_week_deaths /= n;
      s.last_week_deaths /= n;
      s.homicides_per_year_last /= n;
    }
    return result;
  }

 private:
  std::vector<ScenarioSummary> summaries_;
};

}  // namespace

ExperimentSummary run_experiment(const Experiment& experiment, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<World> worlds;
  worlds.reserve(experiment.scenarios.size());
  for (const auto& scenario : experiment.scenarios) worlds.push_back(build_world(scenario));

  const sim::RunPlan plan(static_cast<std::uint32_t>(experiment.scenarios.size()), 1,
                          experiment.replications);
  auto file = sim::io::ResultsFile::create(options.output, results_schema(experiment, worlds),
                                           global_attributes(experiment, options),
                                           {.overwrite = options.force});
  file.resize("run", plan.size());
  write_coordinates(file, experiment, worlds);
  file.flush();

  std::vector<std::uint64_t> runs(plan.size());
  std::iota(runs.begin(), runs.end(), std::uint64_t{0});
  SummaryAccumulator summary(experiment);
  std::size_t done = 0;
  auto last_flush = std::chrono::steady_clock::now();
  sim::run_pipeline(
      runs, options.threads,
      [&](std::uint64_t run) {
        const sim::RunSpec spec = plan.at(run);
        return simulate_run(worlds[spec.scenario], {.master_seed = experiment.seed, .run_index = run});
      },
      [&](std::uint64_t run, RunRecord&& record) {
        const sim::RunSpec spec = plan.at(run);
        write_run(file, run, spec, experiment, record);
        summary.add(spec.scenario, record);
        ++done;
        if (std::chrono::steady_clock::now() - last_flush > kFlushInterval) {
          file.flush();
          last_flush = std::chrono::steady_clock::now();
        }
        if (options.progress) options.progress(done, runs.size());
      });
  file.commit();

  return ExperimentSummary{
      .scenarios = summary.means(),
      .runs = done,
      .seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()};
}

}  // namespace seccoop::agents
