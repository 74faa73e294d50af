#include <fmt/format.h>

#include <filesystem>
#include <vector>

#include "agents/scenario/experiment.hpp"
#include "app/commands/commands.hpp"

namespace seccoop::app {

void add_validate_command(CLI::App& cli, CommandAction& action) {
  auto* command =
      cli.add_subcommand("validate", "Check experiment or scenario files; print every error");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("files", *files, "YAML files to check")->required();
  command->callback([&action, files] {
    action = [files] {
      std::size_t problems = 0;
      for (const auto& file : *files) {
        try {
          const auto experiment = agents::load_experiment(file, {});
          fmt::print("{}: ok ({} scenario{})\n", file, experiment.scenarios.size(),
                     experiment.scenarios.size() == 1 ? "" : "s");
        } catch (const sim::UserError& error) {
          for (const auto& diagnostic : error.diagnostics()) {
            fmt::print(stderr, "error: {}\n", diagnostic.to_string());
          }
          problems += error.diagnostics().size();
        }
      }
      if (problems > 0)
        fmt::print(stderr, "{} problem{} found\n", problems, problems == 1 ? "" : "s");
      return problems == 0 ? 0 : 2;
    };
  });
}

}  // namespace seccoop::app
