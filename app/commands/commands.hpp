#pragma once
// The subcommands of `seccoop`. Each registers its options on the CLI11 app and returns the
// process exit code when run.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <string>

namespace seccoop::app {

using CommandAction = std::function<int()>;

/// Registers a subcommand; `action` is set to its body.
void add_run_command(CLI::App& cli, CommandAction& action, const std::string& command_line);
void add_validate_command(CLI::App& cli, CommandAction& action);
void add_params_command(CLI::App& cli, CommandAction& action);
void add_scenarios_command(CLI::App& cli, CommandAction& action);
void add_info_command(CLI::App& cli, CommandAction& action);
void add_summarize_command(CLI::App& cli, CommandAction& action);
void add_merge_command(CLI::App& cli, CommandAction& action, const std::string& command_line);

/// Where the shipped configs live: $SECCOOP_CONFIG_DIR, else the source tree's configs/.
std::string config_directory();
/// Thread count: --threads if given, else SLURM_CPUS_PER_TASK, else every core.
std::size_t default_threads();
/// An error message with what to do about environment problems it reveals (HDF5 file locks
/// on file systems that lack them).
std::string with_hints(std::string message);

}  // namespace seccoop::app
