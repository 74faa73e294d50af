#pragma once
// Before `--resume` writes into a file an interrupted job left, make sure it belongs to the
// same experiment and learn which runs it already holds. Anything else would silently mix the
// runs of two experiments in one file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

/// The first line where two texts differ (1-based), with both versions of it.
struct LineDifference {
  std::size_t line = 0;
  std::string stored;
  std::string current;
};
std::optional<LineDifference> first_difference(const std::string& stored,
                                               const std::string& current);

/// Throws sim::UserError, naming both files and the first differing line, unless the file's
/// `experiment_yaml` equals `current_yaml` (the resolved YAML of `experiment_file`).
void check_same_experiment(const sim::io::ResultsReader& reader, const std::string& current_yaml,
                           const std::filesystem::path& experiment_file);

/// Throws sim::UserError when the file lacks a variable of `expected` or has it over other
/// dimensions (it was written by a build with another layout).
void check_same_layout(const sim::io::FileSchema& found, const sim::io::FileSchema& expected,
                       const std::filesystem::path& path);

/// Indices of the runs in [0, total) whose `completed` flag is not set, in increasing order.
std::vector<std::uint64_t> runs_not_completed(const sim::io::ResultsReader& reader,
                                              std::uint64_t total);

}  // namespace seccoop::agents
