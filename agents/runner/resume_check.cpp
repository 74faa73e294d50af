#include "agents/runner/resume_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "agents/output/results_summary.hpp"
#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::string dimensions_text(const std::vector<std::string>& dimensions) {
  std::string text;
  for (const auto& name : dimensions) text += (text.empty() ? "" : ", ") + name;
  return "(" + text + ")";
}

}  // namespace

std::string text_attribute(const sim::io::ResultsReader& reader, std::string_view name) {
  const auto* found = sim::io::find_attribute(reader.global_attributes(), name);
  if (found == nullptr || !std::holds_alternative<std::string>(found->value)) return {};
  return std::get<std::string>(found->value);
}

void check_same_shard(const sim::io::ResultsReader& reader,
                      const std::optional<sim::cluster::ShardSpec>& shard) {
  const std::string stored = text_attribute(reader, kShardAttribute);
  const std::string wanted = shard ? shard->to_string() : std::string();
  if (stored == wanted) return;
  const auto describe = [](const std::string& spec) {
    return spec.empty() ? std::string("every run of the experiment") : "shard " + spec;
  };
  throw sim::UserError(fmt::format(
      "'{}' holds {}, not {}: resume with {}, or start over with --force", reader.path().string(),
      describe(stored), describe(wanted), stored.empty() ? "--shard 0/1" : "--shard " + stored));
}

std::optional<LineDifference> first_difference(const std::string& stored,
                                               const std::string& current) {
  if (stored == current) return std::nullopt;
  const auto a = lines_of(stored);
  const auto b = lines_of(current);
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (a[i] != b[i]) return LineDifference{i + 1, a[i], b[i]};
  }
  // One is a prefix of the other (or they differ only in a trailing newline).
  const std::string missing = "<no line>";
  return LineDifference{common + 1, common < a.size() ? a[common] : missing,
                        common < b.size() ? b[common] : missing};
}

void check_same_experiment(const sim::io::ResultsReader& reader, const std::string& current_yaml,
                           const std::filesystem::path& experiment_file) {
  require_seccoop_results(reader);  // another program's HDF5 file: say so, as `info` does
  const std::string stored = reader.global_text_attribute("experiment_yaml");
  const auto difference = first_difference(stored, current_yaml);
  if (!difference) return;
  throw sim::UserError(fmt::format(
      "'{}' holds another experiment than '{}' (resolved YAML line {}: the file has \"{}\", the "
      "experiment has \"{}\"); resume with the same experiment file and options, or start over "
      "with --force",
      reader.path().string(), experiment_file.string(), difference->line, difference->stored,
      difference->current));
}

void check_same_layout(const sim::io::FileSchema& found, const sim::io::FileSchema& expected,
                       const std::filesystem::path& path) {
  for (const auto& variable : expected.variables) {
    const auto* stored = found.find_variable(variable.name);
    if (stored != nullptr && stored->dimensions == variable.dimensions) continue;
    throw sim::UserError(fmt::format(
        "'{}' was written with another layout (variable '{}' {}); it cannot be resumed by this "
        "build of seccoop: start over with --force",
        path.string(), variable.name,
        stored == nullptr ? "is missing"
                          : "has dimensions " + dimensions_text(stored->dimensions) +
                                ", expected " + dimensions_text(variable.dimensions)));
  }
}

std::vector<RunRows> rows_not_completed(const sim::io::ResultsReader& reader, std::uint64_t rows,
                                        std::uint64_t first_run) {
  constexpr std::uint64_t kSliceRows = std::uint64_t{1} << 16;
  const std::uint64_t stored = std::min<std::uint64_t>(reader.dimension_size("run"), rows);
  std::vector<RunRows> pending;
  const auto add = [&](std::uint64_t row, std::uint64_t count) {
    if (!pending.empty() && pending.back().row + pending.back().count == row) {
      pending.back().count += count;
    } else {
      pending.push_back({.row = row, .run = first_run + row, .count = count});
    }
  };
  for (std::uint64_t first = 0; first < stored; first += kSliceRows) {
    const std::uint64_t count = std::min(kSliceRows, stored - first);
    const auto completed = reader.read_int64s("completed", first, count);
    for (std::uint64_t i = 0; i < count; ++i) {
      if (completed[i] != 1) add(first + i, 1);
    }
  }
  if (stored < rows) add(stored, rows - stored);
  return pending;
}

}  // namespace seccoop::agents
