#include "agents/runner/experiment_runner.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <numeric>
#include <optional>

#include "agents/model/simulation.hpp"
#include "agents/output/results_layout.hpp"
#include "agents/output/run_blocks.hpp"
#include "agents/runner/resume_check.hpp"
#include "agents/runner/sweep_point.hpp"
#include "seccoop/revision.hpp"
#include "sim/io/results_reader.hpp"
#include "sim/parallel/run_pipeline.hpp"

namespace seccoop::agents {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/// Swept parameter paths in axis order (the order of a point's values), space separated.
std::string sweep_parameter_list(const Experiment& experiment) {
  std::string list;
  if (!experiment.sweep) return list;
  for (const auto& path : experiment.sweep->paths()) list += (list.empty() ? "" : " ") + path;
  return list;
}

std::vector<sim::io::Attribute> global_attributes(const Experiment& experiment,
                                                  const RunOptions& options,
                                                  const std::string& yaml) {
  const std::string created = utc_now_iso();
  return {{"Conventions", std::string("CF-1.8")},
          {"title", "seccoop results: " + experiment.name},
          {"seccoop_version", std::string(kVersion)},
          {"source_revision", std::string(kSourceRevision)},
          {"created", created},
          {"command_line", options.command_line},
          {"history", created + ": " + options.command_line},
          {"experiment_yaml", yaml},
          {"sweep_method", experiment.sweep ? std::string(experiment.sweep->method_name()) : std::string("none")},
          {"sweep_base_samples", static_cast<std::int64_t>(experiment.sweep ? experiment.sweep->base_samples() : 0)},
          {"sweep_parameters", sweep_parameter_list(experiment)}};
}

/// Marks finished runs complete block by block (run_blocks.hpp). Runs arrive in increasing
/// order, so once a block's last run is written, or a run of a later block arrives, no write
/// touches the block's chunks again: its data is flushed, then its flags written and flushed,
/// so a flag that survives a crash vouches for data on disk.
class CompletionBlocks {
 public:
  CompletionBlocks(sim::io::ResultsFile& file, std::size_t block) : file_(file), block_(block) {}

  void add(std::uint64_t row) {
    if (!rows_.empty() && row / block_ != rows_.back() / block_) close();
    rows_.push_back(row);
    if ((row + 1) % block_ == 0) close();
  }

  /// Flushes the open block and marks its runs complete.
  void close() {
    if (rows_.empty()) return;
    file_.flush();
    for (const auto row : rows_) mark_completed(file_, row);
    file_.flush();
    rows_.clear();
  }

 private:
  sim::io::ResultsFile& file_;
  std::size_t block_;
  std::vector<std::uint64_t> rows_;
};

/// A global text attribute, or "" when the file lacks it.
std::string text_attribute(const sim::io::ResultsReader& reader, std::string_view name) {
  const auto* found = sim::io::find_attribute(reader.global_attributes(), name);
  if (found == nullptr || !std::holds_alternative<std::string>(found->value)) return {};
  return std::get<std::string>(found->value);
}

/// The file to write into and the runs it still needs.
struct OpenFile {
  sim::io::ResultsFile file;
  std::vector<std::uint64_t> pending;
  std::vector<std::string> notes;
};

OpenFile create_file(const Experiment& experiment, const std::vector<World>& worlds,
                     const RunOptions& options, const std::string& yaml, std::uint64_t runs) {
  auto file = sim::io::ResultsFile::create(options.output, results_schema(experiment, worlds),
                                           global_attributes(experiment, options, yaml),
                                           {.overwrite = options.force});
  file.resize("run", runs);
  write_coordinates(file, experiment, worlds);
  file.flush();
  std::vector<std::uint64_t> pending(runs);
  std::iota(pending.begin(), pending.end(), std::uint64_t{0});
  return {std::move(file), std::move(pending), {}};
}

OpenFile resume_file(const Experiment& experiment, const std::vector<World>& worlds,
                     const RunOptions& options, const std::string& yaml, std::uint64_t runs) {
  const fs::path partial = sim::io::ResultsFile::partial_path_for(options.output);
  std::vector<std::uint64_t> pending;
  std::vector<std::string> notes;
  std::string history;
  {  // Read what the interrupted job left, and close the file before reopening it to write.
    const sim::io::ResultsReader reader(partial);
    check_same_experiment(reader, yaml, experiment.file);
    pending = runs_not_completed(reader, runs);
    const std::string revision = text_attribute(reader, "source_revision");
    if (revision != kSourceRevision) {
      notes.push_back(fmt::format(
          "'{}' was started by seccoop revision {}, this is {}: the runs computed now may "
          "differ from an uninterrupted run",
          partial.string(), revision.empty() ? "(unknown)" : revision, kSourceRevision));
    }
    history = text_attribute(reader, "history");
    if (!history.empty()) history += "\n";
  }
  auto file = sim::io::ResultsFile::open_partial(options.output);
  check_same_layout(file.schema(), results_schema(experiment, worlds), partial);
  if (file.dimension_size("run") < runs) file.resize("run", runs);
  file.set_attribute({"history", history + utc_now_iso() + ": " + options.command_line +
                                     fmt::format(" (resumed: {} of {} runs were complete)",
                                                 runs - pending.size(), runs)});
  file.flush();
  return {std::move(file), std::move(pending), std::move(notes)};
}

/// With --resume and no .partial: a complete final file of the same experiment needs nothing.
ExperimentSummary check_final_file(const RunOptions& options, const std::string& yaml,
                                   const Experiment& experiment, std::uint64_t runs) {
  const sim::io::ResultsReader reader(options.output);
  check_same_experiment(reader, yaml, experiment.file);
  const auto pending = runs_not_completed(reader, runs);
  if (!pending.empty()) {
    throw sim::UserError(fmt::format(
        "'{}' holds {} of the experiment's {} runs and there is no partial file to resume; "
        "start over with --force",
        options.output.string(), runs - pending.size(), runs));
  }
  return {.runs_total = runs, .runs_kept = runs, .already_complete = true};
}

}  // namespace

ExperimentSummary run_experiment(const Experiment& experiment, const RunOptions& options) {
  const auto started = Clock::now();
  const sim::RunPlan plan(static_cast<std::uint32_t>(experiment.scenarios.size()),
                          experiment.sweep_points(), experiment.replications);
  const std::string yaml = resolved_yaml(experiment);
  const fs::path partial = sim::io::ResultsFile::partial_path_for(options.output);
  std::error_code error;
  const bool partial_exists = fs::exists(partial, error);
  const bool final_exists = fs::exists(options.output, error);
  if (options.resume && !partial_exists && final_exists) {
    return check_final_file(options, yaml, experiment, plan.size());
  }
  if (options.resume && partial_exists && final_exists) {  // fail now, not after every run
    throw sim::UserError(
        fmt::format("both '{}' and '{}' exist: remove the one you do not want, then resume",
                    options.output.string(), partial.string()));
  }

  std::vector<World> worlds;
  worlds.reserve(experiment.scenarios.size());
  for (const auto& scenario : experiment.scenarios) worlds.push_back(build_world(scenario));
  OpenFile open = options.resume && partial_exists
                      ? resume_file(experiment, worlds, options, yaml, plan.size())
                      : create_file(experiment, worlds, options, yaml, plan.size());

  CompletionBlocks blocks(open.file, runs_per_block(open.file.schema()));
  std::size_t done = 0;
  sim::run_pipeline(
      open.pending, options.threads,
      [&](std::uint64_t run) {
        const sim::RunSpec spec = plan.at(run);
        const sim::StreamKey key{.master_seed = experiment.seed, .run_index = run};
        if (!experiment.sweep) return simulate_run(worlds[spec.scenario], key);
        const Scenario scenario = scenario_at_point(experiment, spec);
        return simulate_run(world_at_point(worlds[spec.scenario], scenario), key);
      },
      [&](std::uint64_t run, RunRecord&& record) {
        write_run(open.file, run, plan.at(run), experiment, record);
        blocks.add(run);
        ++done;
        if (options.progress) options.progress(done, open.pending.size());
      });
  blocks.close();
  open.file.commit();

  return ExperimentSummary{
      .runs_total = plan.size(),
      .runs_computed = done,
      .runs_kept = plan.size() - open.pending.size(),
      .notes = std::move(open.notes),
      .seconds = std::chrono::duration<double>(Clock::now() - started).count()};
}

}  // namespace seccoop::agents
