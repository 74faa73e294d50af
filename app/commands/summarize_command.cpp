#include <fmt/format.h>

#include "agents/output/results_summary.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/outcome_table.hpp"
#include "app/commands/results_input.hpp"

namespace seccoop::app {

void add_summarize_command(CLI::App& cli, CommandAction& action) {
  auto* command = cli.add_subcommand(
      "summarize",
      "Outcomes per scenario and sweep point: means and 95% intervals over replications");
  auto file = std::make_shared<std::string>();
  auto csv = std::make_shared<bool>(false);
  command->add_option("file", *file, "Results file (.h5, or a .partial: completed runs only)")
      ->required();
  command->add_flag("--csv", *csv, "Print CSV instead of an aligned table");
  command->callback([&action, file, csv] {
    action = [file, csv] {
      const auto reader = open_results(*file);
      const auto summary = agents::summarize_results(reader);
      if (*csv) {
        print_outcome_csv(summary, stdout);
      } else {
        print_outcome_table(summary, stdout);
      }
      return 0;
    };
  });
}

}  // namespace seccoop::app
