// `seccoop merge SHARD... -o FILE`: one results file from the files of the shards of an
// experiment (or of MPI ranks), identical in its data to a single job's (results_merge.hpp).
#include <fmt/format.h>

#include "agents/runner/results_merge.hpp"
#include "app/commands/commands.hpp"

namespace seccoop::app {

namespace {

struct MergeArguments {
  std::vector<std::string> inputs;
  std::string output;
  bool copy = false;  // the only mode; accepted so that scripts can say what they expect
  bool force = false;
  bool quiet = false;
};

int merge(const MergeArguments& arguments, const std::string& command_line) {
  agents::MergeOptions options{.inputs = {},
                               .output = arguments.output,
                               .force = arguments.force,
                               .command_line = command_line};
  for (const auto& input : arguments.inputs) options.inputs.emplace_back(input);
  const auto summary = agents::merge_results(options);
  if (!arguments.quiet) {
    fmt::print("merged {} files ({} runs) in {:.2f} s; results in {}\n", summary.files,
               summary.runs, summary.seconds, arguments.output);
  }
  return 0;
}

}  // namespace

void add_merge_command(CLI::App& cli, CommandAction& action, const std::string& command_line) {
  auto* command = cli.add_subcommand(
      "merge",
      "Join the files of an experiment's shards (--shard i/K, Slurm arrays) or MPI ranks into "
      "one results file, in global run order");
  auto arguments = std::make_shared<MergeArguments>();
  command
      ->add_option("files", arguments->inputs,
                   "The shards' results files (a .partial is accepted: its completed runs "
                   "count)")
      ->required();
  command->add_option("-o,--output", arguments->output, "The merged results file")->required();
  command->add_flag("--copy", arguments->copy,
                    "Copy the data (the default and only mode: every netCDF/HDF5 reader opens "
                    "the result, and the shards can be deleted)");
  command->add_flag("--force", arguments->force, "Replace an existing output file");
  command->add_flag("--quiet", arguments->quiet, "Print nothing on success");
  command->callback([&action, arguments, command_line] {
    action = [arguments, command_line] { return merge(*arguments, command_line); };
  });
}

}  // namespace seccoop::app
