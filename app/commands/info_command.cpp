#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "app/commands/commands.hpp"
#include "app/commands/results_input.hpp"

namespace seccoop::app {

namespace {

using sim::io::ResultsReader;

std::string text_attribute(const ResultsReader& reader, std::string_view name) {
  const auto* found = sim::io::find_attribute(reader.global_attributes(), name);
  return found != nullptr && std::holds_alternative<std::string>(found->value)
             ? std::get<std::string>(found->value)
             : std::string("(not recorded)");
}

std::string experiment_name(const ResultsReader& reader) {
  try {
    const YAML::Node root = YAML::Load(text_attribute(reader, "experiment_yaml"));
    if (root.IsMap() && root["name"]) return root["name"].as<std::string>();
  } catch (const YAML::Exception&) {
    // Fall through: the name is a convenience; the YAML itself is shown by h5dump/ncdump.
  }
  return "(unknown)";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
  return text;
}

void print_variables(const ResultsReader& reader) {
  std::size_t name_width = 4;
  std::size_t dims_width = 10;
  std::vector<std::string> dims;
  for (const auto& variable : reader.schema().variables) {
    dims.push_back("(" + joined(variable.dimensions, ", ") + ")");
    name_width = std::max(name_width, variable.name.size());
    dims_width = std::max(dims_width, dims.back().size());
  }
  fmt::print("variables\n  {:<{}}  {:<{}}  {:<7}  {}\n", "name", name_width, "dimensions",
             dims_width, "type", "units");
  for (std::size_t i = 0; i < dims.size(); ++i) {
    const auto& variable = reader.schema().variables[i];
    const auto* units = sim::io::find_attribute(variable.attributes, "units");
    fmt::print("  {:<{}}  {:<{}}  {:<7}  {}\n", variable.name, name_width, dims[i], dims_width,
               sim::io::to_string(variable.type),
               units != nullptr && std::holds_alternative<std::string>(units->value)
                   ? std::get<std::string>(units->value)
                   : "");
  }
}

int info(const std::string& path) {
  const auto reader = open_results(path);
  const auto completed = reader.read_int64s("completed");
  const auto complete = std::ranges::count(completed, 1);
  std::vector<std::string> dimensions;
  for (const auto& dimension : reader.schema().dimensions) {
    dimensions.push_back(fmt::format("{} = {}", dimension.name, dimension.size));
  }
  std::string history = text_attribute(reader, "history");
  for (std::size_t at = history.find('\n'); at != std::string::npos;
       at = history.find('\n', at + 1)) {
    history.insert(at + 1, 13, ' ');
  }
  fmt::print("file         {}\n", path);
  fmt::print("state        {}\n",
             path.ends_with(".partial")
                 ? "partial: not committed (a job was interrupted or is running)"
                 : "committed");
  fmt::print("experiment   {}\n", experiment_name(reader));
  fmt::print("seccoop      {} (revision {})\n", text_attribute(reader, "seccoop_version"),
             text_attribute(reader, "source_revision"));
  fmt::print("created      {}\n", text_attribute(reader, "created"));
  fmt::print("history      {}\n", history);
  fmt::print("scenarios    {}\n", joined(reader.read_strings("scenario"), ", "));
  fmt::print("dimensions   {}\n", joined(dimensions, ", "));
  fmt::print("runs         {} of {} complete\n", complete, completed.size());
  print_variables(reader);
  return 0;
}

}  // namespace

void add_info_command(CLI::App& cli, CommandAction& action) {
  auto* command = cli.add_subcommand(
      "info", "What a results file (or a .partial) holds, and how many runs are complete");
  auto file = std::make_shared<std::string>();
  command->add_option("file", *file, "Results file")->required();
  command->callback([&action, file] { action = [file] { return info(*file); }; });
}

}  // namespace seccoop::app
