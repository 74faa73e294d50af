#include <fmt/format.h>

#include <filesystem>

#include "agents/runner/experiment_runner.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/progress.hpp"

namespace seccoop::app {

namespace {

struct RunArguments {
  std::string experiment_file;
  std::string output;
  std::size_t threads = 0;
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;
  std::vector<std::string> settings;
  bool force = false;
  bool quiet = false;
};

void print_summary(const agents::ExperimentSummary& summary, const std::string& output) {
  fmt::print("{:<28} {:>5} {:>14} {:>12} {:>12} {:>16}\n", "scenario", "runs", "members(end)",
             "deaths wk1", "deaths end", "homicides/yr end");
  for (const auto& scenario : summary.scenarios) {
    fmt::print("{:<28} {:>5} {:>14.0f} {:>12.1f} {:>12.1f} {:>16.0f}\n", scenario.name,
               scenario.runs, scenario.final_members, scenario.first_week_deaths,
               scenario.last_week_deaths, scenario.homicides_per_year_last);
  }
  fmt::print("{} runs in {:.2f} s; results in {}\n", summary.runs, summary.seconds, output);
}

int run(const RunArguments& arguments, const std::string& command_line) {
  const std::filesystem::path file =
      arguments.experiment_file.empty()
          ? std::filesystem::path(config_directory()) / "experiments" / "default.yaml"
          : std::filesystem::path(arguments.experiment_file);
  agents::ExperimentOverrides overrides{.parameter_settings = arguments.settings};
  if (arguments.seed != 0) overrides.seed = arguments.seed;
  if (arguments.replications != 0) overrides.replications = arguments.replications;
  const auto experiment = agents::load_experiment(file, overrides);

  ProgressReporter progress(arguments.quiet);
  const agents::RunOptions options{
      .output = arguments.output.empty() ? std::filesystem::path(experiment.name + ".h5")
                                         : std::filesystem::path(arguments.output),
      .threads = arguments.threads != 0 ? arguments.threads : default_threads(),
      .force = arguments.force,
      .command_line = command_line,
      .progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); }};
  const auto summary = agents::run_experiment(experiment, options);
  if (!arguments.quiet) print_summary(summary, options.output.string());
  return 0;
}

}  // namespace

void add_run_command(CLI::App& cli, CommandAction& action, const std::string& command_line) {
  auto* command = cli.add_subcommand("run", "Run an experiment (default: the built-in experiment)");
  auto arguments = std::make_shared<RunArguments>();
  command->add_option("experiment", arguments->experiment_file,
                      "Experiment or scenario YAML (default: configs/experiments/default.yaml)");
  command->add_option("-o,--output", arguments->output, "Results file (default: <experiment name>.h5)");
  command->add_option("--threads", arguments->threads,
                      "Worker threads (default: SLURM_CPUS_PER_TASK, else all cores)");
  command->add_option("--seed", arguments->seed, "Master seed (overrides the file)");
  command->add_option("--replications", arguments->replications, "Replications per scenario");
  command->add_option("--set", arguments->settings, "Override a parameter: path=value (repeatable)");
  command->add_flag("--force", arguments->force, "Replace an existing results file");
  command->add_flag("--quiet", arguments->quiet, "No progress or summary output");
  command->callback([&action, arguments, command_line] {
    action = [arguments, command_line] { return run(*arguments, command_line); };
  });
}

}  // namespace seccoop::app
