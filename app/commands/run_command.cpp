#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>

#include "agents/output/brief_table.hpp"
#include "agents/output/results_summary.hpp"
#include "agents/runner/experiment_runner.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/outcome_table.hpp"
#include "app/commands/progress.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::app {

namespace {

namespace fs = std::filesystem;

/// Beyond this many outcome rows (large sweeps), `run` points to `summarize` instead.
constexpr std::size_t kMaxSummaryRows = 200;
/// The outcomes `run` shows; `summarize` shows every series.
constexpr std::array<std::string_view, 4> kHeadlineOutcomes = {
    "homicides_per_year_last_52_weeks", "members_final", "deaths_final", "homicides_final"};

struct RunArguments {
  std::string experiment_file;
  std::string output;
  std::size_t threads = 0;
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  std::vector<std::string> settings;
  bool force = false;
  bool resume = false;
  bool quiet = false;
};

/// Refuses, before any work, to touch files the user did not ask to replace or resume.
void check_output_choice(const RunArguments& arguments, const fs::path& output) {
  if (arguments.force && arguments.resume) {
    throw sim::UserError(
        "--resume and --force contradict each other: --resume keeps the runs an interrupted job "
        "finished, --force discards them");
  }
  if (arguments.force || arguments.resume) return;
  std::error_code error;
  const fs::path partial = sim::io::ResultsFile::partial_path_for(output);
  if (fs::exists(partial, error)) {
    throw sim::UserError(fmt::format(
        "'{}' is left by an interrupted (or still running) job: add --resume to finish it, or "
        "--force to start over",
        partial.string()));
  }
  if (fs::exists(output, error)) {
    throw sim::UserError(fmt::format(
        "'{}' already exists: add --force to replace it, or write elsewhere with -o FILE",
        output.string()));
  }
}

void print_run_notes(const agents::ExperimentSummary& summary, const fs::path& output) {
  for (const auto& note : summary.notes) fmt::print("note: {}\n", note);
  if (summary.runs_kept > 0) {
    fmt::print("resumed: {} runs already complete, {} computed\n", summary.runs_kept,
               summary.runs_computed);
  }
  fmt::print("{} runs in {:.2f} s; results in {}\n", summary.runs_computed, summary.seconds,
             output.string());
}

void print_summary(const agents::ExperimentSummary& summary, const fs::path& output) {
  if (summary.already_complete) {
    fmt::print("{} is already complete ({} runs); nothing to do\n", output.string(),
               summary.runs_total);
    return;
  }
  const sim::io::ResultsReader reader(output);
  if (reader.global_text_attribute("sweep_method") == "none") {
    // Without a sweep, the brief's comparison table: scenarios side by side.
    fmt::print("{}", agents::format_brief_table(agents::brief_table(reader)));
    fmt::print("\n(every recorded series: seccoop summarize {})\n", output.string());
    print_run_notes(summary, output);
    return;
  }
  auto outcomes = agents::summarize_results(reader);
  const std::size_t all_rows = outcomes.rows.size();
  std::erase_if(outcomes.rows, [](const agents::OutcomeRow& row) {
    return std::ranges::find(kHeadlineOutcomes, row.outcome) == kHeadlineOutcomes.end();
  });
  if (outcomes.rows.size() <= kMaxSummaryRows) print_outcome_table(outcomes, stdout);
  if (outcomes.rows.size() < all_rows) {
    fmt::print("(every recorded series: seccoop summarize {})\n", output.string());
  }
  print_run_notes(summary, output);
}

int run(const RunArguments& arguments, const std::string& command_line) {
  const fs::path file = arguments.experiment_file.empty()
                            ? fs::path(config_directory()) / "experiments" / "brief.yaml"
                            : fs::path(arguments.experiment_file);
  agents::ExperimentOverrides overrides{.parameter_settings = arguments.settings};
  if (arguments.seed != 0) overrides.seed = arguments.seed;
  if (arguments.replications != 0) overrides.replications = arguments.replications;
  const auto experiment = agents::load_experiment(file, overrides);
  const fs::path output =
      arguments.output.empty() ? fs::path(experiment.name + ".h5") : fs::path(arguments.output);
  check_output_choice(arguments, output);

  ProgressReporter progress(arguments.quiet);
  const agents::RunOptions options{
      .output = output,
      .threads = arguments.threads != 0 ? arguments.threads : default_threads(),
      .force = arguments.force,
      .resume = arguments.resume,
      .command_line = command_line,
      .progress = [&progress](std::size_t done, std::size_t total) {
        progress.update(done, total);
      }};
  const auto summary = agents::run_experiment(experiment, options);
  if (!arguments.quiet) print_summary(summary, output);
  return 0;
}

}  // namespace

void add_run_command(CLI::App& cli, CommandAction& action, const std::string& command_line) {
  auto* command = cli.add_subcommand("run", "Run an experiment (default: the built-in experiment)");
  auto arguments = std::make_shared<RunArguments>();
  command->add_option("experiment", arguments->experiment_file,
                      "Experiment or scenario YAML (default: configs/experiments/brief.yaml, the "
                      "brief experiment)");
  command->add_option("-o,--output", arguments->output,
                      "Results file (default: <experiment name>.h5)");
  command->add_option("--threads", arguments->threads,
                      "Worker threads (default: SLURM_CPUS_PER_TASK, else all cores)");
  command->add_option("--seed", arguments->seed, "Master seed (overrides the file)");
  command->add_option("--replications", arguments->replications, "Replications per scenario");
  command->add_option("--set", arguments->settings,
                      "Override a parameter: path=value (repeatable)");
  command->add_flag("--force", arguments->force, "Replace an existing results file");
  command->add_flag("--resume", arguments->resume,
                    "Finish the <output>.partial an interrupted job left, computing only the "
                    "runs it lacks (same experiment file and options)");
  command->add_flag("--quiet", arguments->quiet, "No progress or summary output");
  command->callback([&action, arguments, command_line] {
    action = [arguments, command_line] { return run(*arguments, command_line); };
  });
}

}  // namespace seccoop::app
