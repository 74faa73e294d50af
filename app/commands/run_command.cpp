#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>

#include "agents/output/brief_table.hpp"
#include "agents/output/results_summary.hpp"
#include "agents/runner/experiment_runner.hpp"
#include "app/cluster/mpi_run.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/outcome_table.hpp"
#include "app/commands/partial_repair.hpp"
#include "app/commands/progress.hpp"
#include "app/commands/stop_signals.hpp"
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
  std::string shard;  // "i/K"; empty: from the Slurm job array, if any
  bool mpi = false;
  bool force = false;
  bool resume = false;
  bool quiet = false;
};

/// The shard to run: --shard, else the Slurm job array's task (said on stderr), else none.
/// "0/1" is the whole experiment: it lets a job array run whole experiments.
std::optional<sim::cluster::ShardSpec> choose_shard(const RunArguments& arguments) {
  std::optional<sim::cluster::ShardSpec> shard;
  if (!arguments.shard.empty()) {
    shard = sim::cluster::parse_shard(arguments.shard, "--shard");
  } else {
    const auto environment = [](const char* name) { return std::getenv(name); };
    shard = sim::cluster::shard_from_slurm(environment);
    if (shard && !arguments.quiet) {
      fmt::print(stderr, "note: running shard {} (from {}; --shard i/K overrides it)\n",
                 shard->to_string(), sim::cluster::slurm_array_description(environment));
    }
  }
  if (shard && shard->count == 1) shard.reset();
  return shard;
}

agents::Experiment load(const RunArguments& arguments) {
  const fs::path file = arguments.experiment_file.empty()
                            ? fs::path(config_directory()) / "experiments" / "brief.yaml"
                            : fs::path(arguments.experiment_file);
  agents::ExperimentOverrides overrides{.parameter_settings = arguments.settings};
  if (arguments.seed != 0) overrides.seed = arguments.seed;
  if (arguments.replications != 0) overrides.replications = arguments.replications;
  return agents::load_experiment(file, overrides);
}

/// -o, else "<experiment>.h5", or "<experiment>.shard<i>-of-<K>.h5" for a shard (the tasks
/// of a job array must not share a file).
fs::path output_path(const RunArguments& arguments, const agents::Experiment& experiment,
                     const std::optional<sim::cluster::ShardSpec>& shard) {
  if (!arguments.output.empty()) return arguments.output;
  if (!shard) return experiment.name + ".h5";
  return fmt::format("{}.shard{}-of-{}.h5", experiment.name, shard->index, shard->count);
}

void check_flags(const RunArguments& arguments) {
  if (arguments.force && arguments.resume) {
    throw sim::UserError(
        "--resume and --force contradict each other: --resume keeps the runs an interrupted job "
        "finished, --force discards them");
  }
}

/// Refuses, before any work, to touch files the user did not ask to replace or resume.
void check_output_choice(const RunArguments& arguments, const fs::path& output) {
  check_flags(arguments);
  std::error_code error;
  const fs::path partial = sim::io::ResultsFile::partial_path_for(output);
  for (const fs::path& path : {output, partial}) {  // --force cannot replace a folder
    if (fs::is_directory(path, error)) {
      throw sim::UserError(
          fmt::format("'{}' is a directory: name a results file with -o FILE", path.string()));
    }
  }
  if (arguments.force || arguments.resume) return;
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
  if (summary.runs_in_file == 0) {  // a shard of more shards than runs
    fmt::print("no runs in this shard; results in {}\n", output.string());
    return;
  }
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

/// After a clean stop on a signal: what is kept and how to go on; the shell's exit code for
/// a process ended by that signal (128 + its number), so that scripts see the interruption.
int report_stop(const agents::ExperimentSummary& summary, const fs::path& output) {
  const int signal = stop_signal();
  for (const auto& note : summary.notes) fmt::print(stderr, "note: {}\n", note);
  fmt::print(stderr,
             "stopped by {}: {} of the file's {} runs are complete in '{}' ({} computed now); "
             "finish them with the same command and --resume\n",
             signal == SIGINT ? "SIGINT" : "SIGTERM", summary.runs_kept + summary.runs_computed,
             summary.runs_in_file, sim::io::ResultsFile::partial_path_for(output).string(),
             summary.runs_computed);
  return 128 + signal;
}

int run_mpi(const RunArguments& arguments, const std::string& command_line) {
  if (!arguments.shard.empty()) {
    throw sim::UserError(
        "--mpi and --shard exclude each other: an MPI job shares out every run of the "
        "experiment among its ranks");
  }
  check_flags(arguments);
  ProgressReporter progress(arguments.quiet);
  const MpiRunOptions options{
      .output = arguments.output,
      .threads = arguments.threads != 0 ? arguments.threads : default_threads(),
      .force = arguments.force,
      .resume = arguments.resume,
      .command_line = command_line,
      .progress = [&progress](std::size_t done, std::size_t total) {
        progress.update(done, total);
      }};
  const auto result = run_with_mpi([&arguments] { return load(arguments); }, options);
  if (!result.root) return result.exit_code;
  if (!arguments.quiet) {
    if (!result.summary.already_complete) fmt::print("{} MPI ranks\n", result.ranks);
    print_summary(result.summary, result.output);
  }
  return 0;
}

int run(const RunArguments& arguments, const std::string& command_line) {
  if (arguments.mpi) return run_mpi(arguments, command_line);
  const auto shard = choose_shard(arguments);
  const auto experiment = load(arguments);
  const fs::path output = output_path(arguments, experiment, shard);
  check_output_choice(arguments, output);
  if (arguments.resume) {
    const auto repaired = repair_cut_short_partial(sim::io::ResultsFile::partial_path_for(output));
    if (repaired) fmt::print(stderr, "note: {}\n", *repaired);
  }

  ProgressReporter progress(arguments.quiet);
  const agents::RunOptions options{
      .output = output,
      .threads = arguments.threads != 0 ? arguments.threads : default_threads(),
      .force = arguments.force,
      .resume = arguments.resume,
      .command_line = command_line,
      .shard = shard,
      .progress = [&progress](std::size_t done,
                              std::size_t total) { progress.update(done, total); },
      .stop_requested = [] { return stop_signal() != 0; }};
  catch_stop_signals();
  const auto summary = agents::run_experiment(experiment, options);
  if (summary.stopped) return report_stop(summary, output);
  if (!arguments.quiet) {
    if (shard) {
      fmt::print(
          "shard {}: {} of the experiment's {} runs{}; join the shards with `seccoop "
          "merge`\n",
          shard->to_string(), summary.runs_in_file, summary.runs_total,
          summary.runs_in_file == 0 ? std::string()
                                    : fmt::format(" (runs {}-{})", summary.first_run,
                                                  summary.first_run + summary.runs_in_file - 1));
    }
    print_summary(summary, output);
  }
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
  // CLI11 reads "-1" into an unsigned option as 2^64 - 1: the ranges refuse it (0 would mean
  // "not given" below).
  command
      ->add_option("--threads", arguments->threads,
                   "Worker threads (default: SLURM_CPUS_PER_TASK, else all cores)")
      ->check(CLI::Range(1, 1000000));
  command->add_option("--seed", arguments->seed, "Master seed (overrides the file)")
      ->check(CLI::Validator(
          [](const std::string& text) {
            return text.starts_with('-')
                       ? std::string("a seed is a whole number >= 0, found " + text)
                       : std::string();
          },
          "SEED"));
  command->add_option("--replications", arguments->replications, "Replications per scenario")
      ->check(CLI::Range(1, 10000000));
  command->add_option("--set", arguments->settings,
                      "Override a parameter: path=value (repeatable)");
  command->add_option("--shard", arguments->shard,
                      "Run only shard i of K (0-based): runs [i*N/K, (i+1)*N/K) of the N runs; "
                      "default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT in a Slurm "
                      "job array; 0/1 runs every run");
  command->add_flag("--mpi", arguments->mpi,
                    "Share the runs among the ranks of an MPI job (mpirun/srun); rank 0 merges "
                    "their files into the output");
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
