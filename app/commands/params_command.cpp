#include <fmt/format.h>

#include "agents/scenario/scenario.hpp"
#include "app/commands/commands.hpp"

namespace seccoop::app {

void add_params_command(CLI::App& cli, CommandAction& action) {
  auto* command =
      cli.add_subcommand("params", "List every model parameter: default, unit, range, source");
  auto markdown = std::make_shared<bool>(false);
  command->add_flag("--markdown", *markdown, "Print a Markdown table (as in docs/MODEL.md)");
  command->callback([&action, markdown] {
    action = [markdown] {
      const auto table = agents::model_parameter_table();
      if (*markdown) {
        fmt::print("| parameter | default | unit | range | meaning | source |\n");
        fmt::print("|---|---|---|---|---|---|\n");
        for (const auto& spec : table->specs()) {
          fmt::print("| `{}` | {} | {} | {} | {} | {} |\n", spec.path, spec.default_value,
                     spec.unit, spec.range.describe(), spec.meaning, spec.source);
        }
        return 0;
      }
      for (const auto& spec : table->specs()) {
        fmt::print("{}\n  default {} {}  (allowed: {})\n  {}\n  source: {}\n", spec.path,
                   spec.default_value, spec.unit, spec.range.describe(), spec.meaning, spec.source);
      }
      return 0;
    };
  });
}

}  // namespace seccoop::app
