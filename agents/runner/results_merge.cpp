#include "agents/runner/results_merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>

#include "agents/output/run_blocks.hpp"
#include "agents/runner/merge_plan.hpp"
#include "agents/runner/resume_check.hpp"
#include "agents/runner/run_context.hpp"
#include "agents/runner/variable_copy.hpp"

namespace seccoop::agents {

namespace {

namespace fs = std::filesystem;
using sim::io::Attribute;

void check_output(const MergeOptions& options) {
  std::error_code error;
  const fs::path partial = sim::io::ResultsFile::partial_path_for(options.output);
  for (const fs::path& path : {options.output, partial}) {  // --force cannot replace a folder
    if (fs::is_directory(path, error)) {
      throw sim::UserError(
          fmt::format("'{}' is a directory: name a results file with -o FILE", path.string()));
    }
  }
  if (options.force) return;
  if (fs::exists(options.output, error)) {
    throw sim::UserError(fmt::format(
        "'{}' already exists: add --force to replace it, or write elsewhere with -o FILE",
        options.output.string()));
  }
  if (fs::exists(partial, error)) {
    throw sim::UserError(
        fmt::format("'{}' is left by an interrupted merge (or run): add --force to start over",
                    partial.string()));
  }
}

void check_not_an_input(const MergeOptions& options) {
  const fs::path partial = sim::io::ResultsFile::partial_path_for(options.output);
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (fs::equivalent(input, options.output, error) || fs::equivalent(input, partial, error)) {
      throw sim::UserError(
          fmt::format("'{}' is both an input and the output of the merge", input.string()));
    }
  }
}

/// The first input's attributes, less those of one part (shard, rank), with the provenance of
/// the merge: every input's history lines (once each), then this merge.
std::vector<Attribute> merged_attributes(const std::vector<sim::io::ResultsReader>& readers,
                                         const MergeOptions& options) {
  std::vector<std::string> lines;
  std::set<std::string> seen;
  for (const auto& reader : readers) {
    std::istringstream history(text_attribute(reader, "history"));
    for (std::string line; std::getline(history, line);) {
      if (!line.empty() && seen.insert(line).second) lines.push_back(line);
    }
  }
  const std::string created = utc_now_iso();
  lines.push_back(
      fmt::format("{}: {} (merged {} files)", created, options.command_line, readers.size()));
  std::string history;
  for (const auto& line : lines) history += (history.empty() ? "" : "\n") + line;

  std::vector<Attribute> attributes;
  for (const auto& attribute : readers.front().global_attributes()) {
    if (attribute.name == kShardAttribute || attribute.name == kMpiRankAttribute) continue;
    attributes.push_back(attribute);
    if (attribute.name == "created") attributes.back().value = created;
    if (attribute.name == "command_line") attributes.back().value = options.command_line;
    if (attribute.name == "history") attributes.back().value = history;
  }
  return attributes;
}

/// Rows per copy: whole completion blocks, about kMergeBlockBytes in memory.
std::size_t rows_per_copy(const sim::io::FileSchema& schema, const sim::io::Variable& variable) {
  const std::size_t fit =
      kMergeBlockBytes / std::max<std::size_t>(row_bytes_in_memory(schema, variable), 1);
  return std::max(fit / kRunsPerBlock, std::size_t{1}) * kRunsPerBlock;
}

/// Copies global runs [first, first + count) of `variable` into the same rows of `file`,
/// reading each stretch of runs that sits in consecutive rows of one input at once.
void copy_runs(const std::vector<sim::io::ResultsReader>& readers, const MergePlan& plan,
               const sim::io::Variable& variable, std::uint64_t first, std::uint64_t count,
               sim::io::ResultsFile& file) {
  std::optional<RowValues> values;
  for (std::uint64_t run = first; run < first + count;) {
    const RunSource& start = plan.sources[run];
    std::uint64_t length = 1;
    while (run + length < first + count && plan.sources[run + length].file == start.file &&
           plan.sources[run + length].row == start.row + length) {
      ++length;
    }
    auto part = read_rows(readers[start.file], variable, RowSpan{start.row, length});
    if (values) {
      append_values(*values, std::move(part));
    } else {
      values = std::move(part);
    }
    run += length;
  }
  if (values) write_rows(file, variable, RowSpan{first, count}, *values);
}

void copy_variable(const std::vector<sim::io::ResultsReader>& readers, const MergePlan& plan,
                   const sim::io::Variable& variable, sim::io::ResultsFile& file) {
  const auto& schema = readers.front().schema();
  if (!schema.is_record(variable)) {
    write_rows(file, variable, std::nullopt, read_rows(readers.front(), variable, std::nullopt));
    return;
  }
  const std::size_t step = rows_per_copy(schema, variable);
  for (std::uint64_t first = 0; first < plan.total_runs; first += step) {
    copy_runs(readers, plan, variable, first,
              std::min<std::uint64_t>(step, plan.total_runs - first), file);
  }
}

}  // namespace

MergeSummary merge_results(const MergeOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  check_output(options);
  check_not_an_input(options);
  std::vector<sim::io::ResultsReader> readers;
  readers.reserve(options.inputs.size());
  for (const auto& input : options.inputs) readers.emplace_back(input);
  const MergePlan plan = plan_merge(readers);

  sim::io::FileSchema schema = readers.front().schema();
  for (auto& dimension : schema.dimensions) {
    if (dimension.unlimited) dimension.size = 0;
  }
  auto file = sim::io::ResultsFile::create(
      options.output, schema, merged_attributes(readers, options), {.overwrite = options.force});
  file.resize("run", plan.total_runs);
  // `completed` last, after the data is flushed: a flag on disk vouches for data on disk.
  const sim::io::Variable* completed = nullptr;
  for (const auto& variable : schema.variables) {
    if (variable.name == "completed") {
      completed = &variable;
      continue;
    }
    copy_variable(readers, plan, variable, file);
  }
  file.flush();
  if (completed != nullptr) copy_variable(readers, plan, *completed, file);
  file.commit();
  return MergeSummary{
      .files = readers.size(),
      .runs = plan.total_runs,
      .seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()};
}

}  // namespace seccoop::agents
