#include "app/commands/partial_repair.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sim/io/cut_short_file.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::app {

namespace {

namespace fs = std::filesystem;

/// Reads every per-run variable of every run flagged complete; throws IoError if any chunk
/// lay in the part of the file that never reached the disk. 16 rows at a time: a results
/// file's blocks (agents/output/run_blocks.hpp), and little memory for huge rows.
std::size_t read_back_complete_runs(const sim::io::ResultsReader& reader) {
  const auto completed = reader.read_int64s("completed");
  constexpr std::size_t kRowsAtATime = 16;
  std::size_t complete = 0;
  for (std::size_t first = 0; first < completed.size(); first += kRowsAtATime) {
    const std::size_t rows = std::min(kRowsAtATime, completed.size() - first);
    const auto begin = completed.begin() + static_cast<std::ptrdiff_t>(first);
    const auto flagged = static_cast<std::size_t>(
        std::count(begin, begin + static_cast<std::ptrdiff_t>(rows), std::int64_t{1}));
    if (flagged == 0) continue;
    complete += flagged;
    for (const auto& variable : reader.schema().variables) {
      if (variable.dimensions.empty() || variable.dimensions.front() != "run") continue;
      if (variable.type == sim::io::ValueType::string) {
        static_cast<void>(reader.read_strings(variable.name, first, rows));
      } else {
        static_cast<void>(reader.read_doubles(variable.name, first, rows));
      }
    }
  }
  return complete;
}

}  // namespace

std::optional<std::string> repair_cut_short_partial(const fs::path& partial) {
  std::error_code error;
  if (!fs::is_regular_file(partial, error)) return std::nullopt;
  const auto cut = sim::io::find_cut_short(partial);
  if (!cut || fs::file_size(partial, error) != cut->on_disk) return std::nullopt;
  fs::resize_file(partial, cut->recorded);  // sparse zeros where the failed writes went
  try {
    const sim::io::ResultsReader reader(partial);
    const std::size_t complete = read_back_complete_runs(reader);
    return fmt::format(
        "'{}' was cut short by a failed write (a full disk or a file-size limit): extended it "
        "from {} to its recorded {} bytes; its {} complete runs read back",
        partial.string(), cut->on_disk, cut->recorded, complete);
  } catch (const sim::UserError& problem) {
    fs::resize_file(partial, cut->on_disk, error);
    throw sim::UserError(fmt::format(
        "'{}' is cut short ({} of its {} bytes) and its complete runs do not read back even "
        "when it is extended ({}); start over with --force",
        partial.string(), cut->on_disk, cut->recorded, problem.what()));
  }
}

}  // namespace seccoop::app
