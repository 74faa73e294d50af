#include "agents/runner/partial_salvage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "agents/output/results_layout.hpp"
#include "agents/output/run_blocks.hpp"
#include "agents/runner/variable_copy.hpp"
#include "sim/io/results_file.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

namespace {

namespace fs = std::filesystem;

/// Which blocks of `block` rows are sound: their `completed` flags read, and the chunk index
/// of every per-run variable finds each of their chunks within the file.
struct BlockCheck {
  std::vector<bool> sound;
  std::string first_problem;  // what the first unsound block showed; empty: all are sound
};

void check_rows(const sim::io::ResultsReader& reader, const RowSpan& rows) {
  static_cast<void>(reader.read_int64s("completed", rows.first, rows.count));
  const sim::io::FileSchema& schema = reader.schema();
  for (const auto& variable : schema.variables) {
    if (schema.is_record(variable)) reader.check_chunk_index(variable.name, rows.first, rows.count);
  }
}

BlockCheck check_blocks(const sim::io::ResultsReader& reader, std::size_t block) {
  const std::size_t rows = reader.dimension_size("run");
  const std::size_t blocks = (rows + block - 1) / block;
  try {  // the whole file at once (each variable opened once): the usual case, a sound file
    check_rows(reader, {.first = 0, .count = rows});
    return {.sound = std::vector<bool>(blocks, true), .first_problem = {}};
  } catch (const sim::UserError&) {
  }
  BlockCheck check;
  for (std::size_t first = 0; first < rows; first += block) {
    try {
      check_rows(reader, {.first = first, .count = std::min(block, rows - first)});
      check.sound.push_back(true);
    } catch (const sim::UserError& problem) {
      check.sound.push_back(false);
      if (check.first_problem.empty()) check.first_problem = problem.what();
    }
  }
  return check;
}

/// Copies the complete runs of the sound blocks, each run to the row it had; returns how
/// many.
std::size_t copy_complete_runs(const sim::io::ResultsReader& damaged, const BlockCheck& check,
                               std::size_t block, sim::io::ResultsFile& into) {
  const std::size_t rows = damaged.dimension_size("run");
  std::size_t kept = 0;
  for (std::size_t b = 0; b < check.sound.size(); ++b) {
    if (!check.sound[b]) continue;
    const std::size_t first = b * block;
    const auto flags = damaged.read_int64s("completed", first, std::min(block, rows - first));
    for (std::size_t i = 0; i < flags.size();) {  // each span of consecutive complete rows
      if (flags[i] != 1) {
        ++i;
        continue;
      }
      const std::size_t start = i;
      while (i < flags.size() && flags[i] == 1) ++i;
      const RowSpan span{.first = first + start, .count = i - start};
      const sim::io::FileSchema& schema = damaged.schema();
      for (const auto& variable : schema.variables) {
        if (schema.is_record(variable)) {
          write_rows(into, variable, span, read_rows(damaged, variable, span));
        }
      }
      kept += span.count;
    }
  }
  return kept;
}

}  // namespace

std::optional<std::string> salvage_damaged_partial(const RunContext& context,
                                                   const fs::path& output) {
  const fs::path partial = sim::io::ResultsFile::partial_path_for(output);
  const fs::path salvage_output = output.string() + ".salvage";
  const fs::path copy_path = sim::io::ResultsFile::partial_path_for(salvage_output);
  // A job killed while salvaging leaves its unfinished copy beside the damaged file, which it
  // had not touched yet: the copy goes, and the file is checked (and salvaged) again below.
  std::error_code error;
  fs::remove(copy_path, error);
  std::string note;
  {
    const sim::io::ResultsReader damaged(partial);
    const std::size_t block = runs_per_block(damaged.schema());
    const BlockCheck check = check_blocks(damaged, block);
    const auto failed = std::ranges::count(check.sound, false);
    if (failed == 0) return std::nullopt;
    auto copy = sim::io::ResultsFile::create(salvage_output,
                                             results_schema(context.experiment, context.worlds),
                                             damaged.global_attributes(), {.overwrite = true});
    copy.resize("run", damaged.dimension_size("run"));
    write_coordinates(copy, context.experiment, context.worlds);
    const std::size_t kept = copy_complete_runs(damaged, check, block, copy);
    copy.flush();
    note = fmt::format(
        "'{}' was damaged by a job killed while HDF5 was writing it: {} of its {} blocks of {} "
        "runs failed the check (first: {}). The {} complete runs of the other blocks were "
        "copied into a new file that replaces it; the runs of the failed blocks are computed "
        "again (identically)",
        partial.string(), failed, check.sound.size(), block, check.first_problem, kept);
  }  // both files closed
  fs::rename(copy_path, partial, error);
  if (error) {
    throw sim::UserError(
        fmt::format("cannot replace the damaged '{}' with its salvaged copy '{}': {}",
                    partial.string(), copy_path.string(), error.message()));
  }
  return note;
}

}  // namespace seccoop::agents
