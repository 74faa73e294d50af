// seccoop: one executable, many subcommands. User errors print what to fix and exit 2;
// internal errors say they are bugs and exit 3.
#include <fmt/format.h>
#include <hdf5.h>

#include <csignal>
#include <exception>

#include "app/commands/commands.hpp"
#include "seccoop/revision.hpp"
#include "sim/config/diagnostics.hpp"
#include "sim/parallel/heap_retention.hpp"

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f, a cluster's quota) would otherwise kill the process with
  // SIGXFSZ mid-write; ignored, the write fails with EFBIG, HDF5 returns an error and the user
  // gets "cannot flush ... File too large" with the completed runs kept for --resume.
  static_cast<void>(std::signal(SIGXFSZ, SIG_IGN));
  // Every file is closed by its owner before exit. HDF5's own exit handler would close again
  // a file whose flush failed (a full disk), and crashes doing it (SIGSEGV in H5F__close_cb,
  // HDF5 1.10): the user would see exit code 139 after the clear error.
  static_cast<void>(H5dont_atexit());
  // Freed run records stay mapped for the next run instead of being faulted in again.
  seccoop::sim::retain_freed_heap_memory();
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i == 0 ? "" : " ") + std::string(argv[i]);

  CLI::App cli{"seccoop: agent-based simulator of US-Mexico security cooperation"};
  cli.set_version_flag("--version",
                       fmt::format("seccoop {} ({})", seccoop::kVersion, seccoop::kSourceRevision));
  cli.require_subcommand(1);
  // A mistake on the command line is the user's, like one in a file: "error: ...", exit 2.
  cli.failure_message([](const CLI::App* app, const CLI::Error& error) {
    return "error: " + CLI::FailureMessage::simple(app, error);
  });
  seccoop::app::CommandAction action;
  seccoop::app::add_run_command(cli, action, command_line);
  seccoop::app::add_validate_command(cli, action);
  seccoop::app::add_params_command(cli, action);
  seccoop::app::add_scenarios_command(cli, action);
  seccoop::app::add_info_command(cli, action);
  seccoop::app::add_summarize_command(cli, action);
  seccoop::app::add_merge_command(cli, action, command_line);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;  // --help and --version are ParseErrors that exit 0
  }
  try {
    return action ? action() : 0;
  } catch (const seccoop::sim::UserError& error) {
    for (const auto& diagnostic : error.diagnostics()) {
      fmt::print(stderr, "error: {}\n", seccoop::app::with_hints(diagnostic.to_string()));
    }
    return 2;
  } catch (const seccoop::sim::InternalError& error) {
    fmt::print(stderr, "{}\n", error.what());
    return 3;
  } catch (const std::exception& error) {
    fmt::print(stderr, "internal error (a bug in seccoop, please report it): {}\n", error.what());
    return 3;
  }
}
