#pragma once
// Before `--resume` writes into a file an interrupted job left, make sure it belongs to the
// same experiment and learn which runs it already holds. Anything else would silently mix the
// runs of two experiments in one file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/runner/run_rows.hpp"
#include "sim/cluster/shard_spec.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

/// Global attribute of a shard's file: its spec, "i/K" (absent in a whole experiment's file).
inline constexpr std::string_view kShardAttribute = "shard";

/// A global text attribute, or "" when the file lacks it.
std::string text_attribute(const sim::io::ResultsReader& reader, std::string_view name);

/// The first line where two texts differ (1-based), with both versions of it.
struct LineDifference {
  std::size_t line = 0;
  std::string stored;
  std::string current;
};
std::optional<LineDifference> first_difference(const std::string& stored,
                                               const std::string& current);

/// Throws sim::UserError, naming both files and the first differing line, unless the file's
/// `experiment_yaml` equals `current_yaml` (the resolved YAML of `experiment_file`); a file
/// that is no seccoop results file at all (another program's HDF5) is refused as `info` refuses
/// it: "not a seccoop results file".
void check_same_experiment(const sim::io::ResultsReader& reader, const std::string& current_yaml,
                           const std::filesystem::path& experiment_file);

/// Throws sim::UserError when the file lacks a variable of `expected` or has it over other
/// dimensions (it was written by a build with another layout).
void check_same_layout(const sim::io::FileSchema& found, const sim::io::FileSchema& expected,
                       const std::filesystem::path& path);

/// Throws sim::UserError unless the file holds the runs of `shard` (none: the whole
/// experiment), so that a resumed shard never mixes two shards' runs.
void check_same_shard(const sim::io::ResultsReader& reader,
                      const std::optional<sim::cluster::ShardSpec>& shard);

/// Rows in [0, rows) whose `completed` flag is not set, in increasing order, as spans of
/// consecutive rows (row r holds global run first_run + r). The flags are read a slice at a
/// time: the memory does not grow with the file's runs.
std::vector<RunRows> rows_not_completed(const sim::io::ResultsReader& reader, std::uint64_t rows,
                                        std::uint64_t first_run = 0);

}  // namespace seccoop::agents
