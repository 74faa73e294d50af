#include "agents/runner/experiment_runner.hpp"

#include <fmt/format.h>

#include <chrono>

#include "agents/output/results_layout.hpp"
#include "agents/runner/partial_salvage.hpp"
#include "agents/runner/resume_check.hpp"
#include "agents/runner/run_context.hpp"
#include "agents/runner/run_rows.hpp"
#include "seccoop/revision.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// The file to write into and the rows it still needs.
struct OpenFile {
  sim::io::ResultsFile file;
  std::vector<RunRows> pending;
  std::vector<std::string> notes;
};

std::vector<sim::io::Attribute> shard_attributes(const RunOptions& options) {
  if (!options.shard) return {};
  return {{std::string(kShardAttribute), options.shard->to_string()}};
}

OpenFile create_file(const RunContext& context, const RunOptions& options,
                     const sim::cluster::RunRange& runs) {
  auto file = sim::io::ResultsFile::create(
      options.output, results_schema(context.experiment, context.worlds),
      file_attributes(context, options.command_line, shard_attributes(options)),
      {.overwrite = options.force});
  file.resize("run", runs.size);
  write_coordinates(file, context.experiment, context.worlds);
  file.flush();
  // Row r of the file holds global run runs.first + r.
  std::vector<RunRows> rows;
  if (runs.size > 0) rows.push_back({.row = 0, .run = runs.first, .count = runs.size});
  return {std::move(file), std::move(rows), {}};
}

OpenFile resume_file(const RunContext& context, const RunOptions& options,
                     const sim::cluster::RunRange& runs) {
  const fs::path partial = sim::io::ResultsFile::partial_path_for(options.output);
  std::vector<RunRows> rows;
  std::vector<std::string> notes;
  std::string history;
  {  // Before anything is written: the file holds this experiment's runs (or this shard's).
    const sim::io::ResultsReader reader(partial);
    check_same_experiment(reader, context.yaml, context.experiment.file);
    check_same_shard(reader, options.shard);
    check_same_layout(reader.schema(), results_schema(context.experiment, context.worlds), partial);
  }
  if (auto salvaged = salvage_damaged_partial(context, options.output)) {
    notes.push_back(std::move(*salvaged));
  }
  {  // Read what the interrupted job left, and close the file before reopening it to write.
    const sim::io::ResultsReader reader(partial);
    rows = rows_not_completed(reader, runs.size, runs.first);
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
  if (file.dimension_size("run") < runs.size) file.resize("run", runs.size);
  file.set_attribute({"history", history + utc_now_iso() + ": " + options.command_line +
                                     fmt::format(" (resumed: {} of {} runs were complete)",
                                                 runs.size - row_count(rows), runs.size)});
  file.flush();
  return {std::move(file), std::move(rows), std::move(notes)};
}

/// With --resume and no .partial: a complete final file of the same runs needs nothing.
ExperimentSummary check_final_file(const RunOptions& options, const std::string& yaml,
                                   const Experiment& experiment, const ExperimentSummary& base) {
  const sim::io::ResultsReader reader(options.output);
  check_same_experiment(reader, yaml, experiment.file);
  check_same_shard(reader, options.shard);
  const std::uint64_t pending = row_count(rows_not_completed(reader, base.runs_in_file));
  if (pending > 0) {
    throw sim::UserError(fmt::format(
        "'{}' holds {} of its {} runs and there is no partial file to resume; start over with "
        "--force",
        options.output.string(), base.runs_in_file - pending, base.runs_in_file));
  }
  ExperimentSummary summary = base;
  summary.runs_kept = base.runs_in_file;
  summary.already_complete = true;
  return summary;
}

}  // namespace

ExperimentSummary run_experiment(const Experiment& experiment, const RunOptions& options) {
  const auto started = Clock::now();
  const std::uint64_t total = run_plan_of(experiment).size();
  const auto runs = options.shard ? sim::cluster::shard_runs(total, *options.shard)
                                  : sim::cluster::RunRange{.first = 0, .size = total};
  const ExperimentSummary base{
      .runs_total = total, .runs_in_file = runs.size, .first_run = runs.first};
  const fs::path partial = sim::io::ResultsFile::partial_path_for(options.output);
  std::error_code error;
  const bool partial_exists = fs::exists(partial, error);
  const bool final_exists = fs::exists(options.output, error);
  if (options.resume && !partial_exists && final_exists) {
    return check_final_file(options, resolved_yaml(experiment), experiment, base);
  }
  if (options.resume && partial_exists && final_exists) {  // fail now, not after every run
    throw sim::UserError(
        fmt::format("both '{}' and '{}' exist: remove the one you do not want, then resume",
                    options.output.string(), partial.string()));
  }

  const RunContext context(experiment);
  OpenFile open = options.resume && partial_exists ? resume_file(context, options, runs)
                                                   : create_file(context, options, runs);
  const std::size_t done = compute_rows(open.file, context, open.pending, options.threads,
                                        options.progress, options.stop_requested);
  ExperimentSummary summary = base;
  summary.stopped = done < row_count(open.pending);
  if (!summary.stopped) open.file.commit();  // else closed as it is: flushed, every block marked

  summary.runs_computed = done;
  summary.runs_kept = runs.size - row_count(open.pending);
  summary.notes = std::move(open.notes);
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return summary;
}

}  // namespace seccoop::agents
