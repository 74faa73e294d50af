#include "agents/runner/rank_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "agents/runner/resume_check.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

namespace fs = std::filesystem;

fs::path rank_file_path(const fs::path& output, std::uint32_t generation, int rank) {
  fs::path path = output;
  path += generation == 0 ? fmt::format(".rank{}", rank)
                          : fmt::format(".resume{}.rank{}", generation, rank);
  return path;
}

RankFiles find_rank_files(const fs::path& output) {
  const fs::path directory = output.has_parent_path() ? output.parent_path() : fs::path(".");
  // "<name>.rank<r>" or "<name>.resume<g>.rank<r>", committed or ".partial"; the name is
  // matched literally (it may contain regex characters).
  static const std::regex kSuffix(R"(^\.(resume(\d+)\.)?rank\d+(\.partial)?$)");
  const std::string name = output.filename().string();
  RankFiles found;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const std::string candidate = entry.path().filename().string();
    std::smatch match;
    const std::string suffix = candidate.starts_with(name) ? candidate.substr(name.size()) : "";
    if (!std::regex_match(suffix, match, kSuffix)) continue;
    found.files.push_back(entry.path());
    const std::uint32_t generation =
        match[2].matched ? static_cast<std::uint32_t>(std::stoul(match[2].str())) : 0;
    found.next_generation = std::max(found.next_generation, generation + 1);
  }
  std::sort(found.files.begin(), found.files.end());
  return found;
}

std::vector<bool> runs_complete_in(const std::vector<fs::path>& files, const std::string& yaml,
                                   const fs::path& experiment_file, std::uint64_t total) {
  std::vector<bool> complete(total, false);
  for (const auto& file : files) {
    const sim::io::ResultsReader reader(file);
    check_same_experiment(reader, yaml, experiment_file);
    const auto completed = reader.read_int64s("completed");
    const auto runs = reader.read_int64s("run");
    for (std::size_t row = 0; row < completed.size(); ++row) {
      if (completed[row] == 1 && runs[row] >= 0 && static_cast<std::uint64_t>(runs[row]) < total) {
        complete[static_cast<std::size_t>(runs[row])] = true;
      }
    }
  }
  return complete;
}

std::string quoted_list(const std::vector<fs::path>& files) {
  std::string text;
  for (const auto& file : files) text += (text.empty() ? "'" : ", '") + file.string() + "'";
  return text;
}

}  // namespace seccoop::agents
