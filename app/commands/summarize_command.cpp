#include <fmt/format.h>

#include "agents/output/brief_table.hpp"
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
  auto brief = std::make_shared<bool>(false);
  command->add_flag("--brief", *brief,
                    "The brief's comparison table (scenarios at 100 days, 1 year, horizon)");
  command->callback([&action, file, csv, brief] {
    action = [file, csv, brief] {
      const auto reader = open_results(*file);
      if (*brief) {
        fmt::print("{}", agents::format_brief_table(agents::brief_table(reader)));
        return 0;
      }
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
