#include "agents/runner/merge_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "agents/output/results_summary.hpp"
#include "agents/runner/resume_check.hpp"

namespace seccoop::agents {

namespace {

constexpr std::uint32_t kNoFile = ~std::uint32_t{0};
/// Error lines beyond this many ranges are summarised, not listed.
constexpr std::size_t kMaxListedRanges = 8;

struct Range {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
};

std::vector<Range> ranges_of(const std::vector<std::uint64_t>& runs) {
  std::vector<Range> ranges;
  for (const auto run : runs) {
    if (!ranges.empty() && ranges.back().last + 1 == run) {
      ranges.back().last = run;
    } else {
      ranges.push_back({run, run});
    }
  }
  return ranges;
}

std::string range_text(const Range& range) {
  return range.first == range.last ? fmt::format("{}", range.first)
                                   : fmt::format("{}-{}", range.first, range.last);
}

std::string name_of(const sim::io::ResultsReader& reader) {
  return "'" + reader.path().string() + "'";
}

/// The experiment's run count: the attribute, or for a whole file of an older build its rows.
std::uint64_t total_runs_of(const sim::io::ResultsReader& reader) {
  const auto* found = sim::io::find_attribute(reader.global_attributes(), "experiment_run_count");
  if (found != nullptr && std::holds_alternative<std::int64_t>(found->value)) {
    return static_cast<std::uint64_t>(std::get<std::int64_t>(found->value));
  }
  if (!text_attribute(reader, kShardAttribute).empty()) {
    throw sim::io::IoError(reader.path(), "merge it", "it has no 'experiment_run_count' attribute");
  }
  return reader.dimension_size("run");
}

void check_same_source(const sim::io::ResultsReader& first, const sim::io::ResultsReader& other,
                       std::vector<sim::Diagnostic>& problems) {
  const auto difference = first_difference(first.global_text_attribute("experiment_yaml"),
                                           other.global_text_attribute("experiment_yaml"));
  if (difference) {
    problems.push_back({.message = fmt::format(
                            "{} and {} hold different experiments (resolved YAML line {}: {} has "
                            "\"{}\", {} has \"{}\"); merge only the files of one experiment",
                            name_of(first), name_of(other), difference->line, name_of(first),
                            difference->stored, name_of(other), difference->current)});
    return;
  }
  for (const auto& variable : first.schema().variables) {
    const auto* found = other.schema().find_variable(variable.name);
    if (found != nullptr && found->dimensions == variable.dimensions &&
        found->type == variable.type) {
      continue;
    }
    problems.push_back(
        {.message = fmt::format("{} and {} were written with different layouts (variable '{}'); "
                                "merge files written by one build of seccoop",
                                name_of(first), name_of(other), variable.name)});
    return;
  }
}

/// Where runs of `range` should have come from, and what to do about it.
std::string missing_hint(const std::vector<sim::io::ResultsReader>& readers, const Range& range,
                         std::uint64_t total) {
  std::optional<std::uint64_t> shard_count;
  std::map<std::uint64_t, const sim::io::ResultsReader*> given;  // shard index -> file
  bool from_mpi = false;
  for (const auto& reader : readers) {
    const std::string spec = text_attribute(reader, kShardAttribute);
    from_mpi = from_mpi ||
               sim::io::find_attribute(reader.global_attributes(), kMpiRankAttribute) != nullptr;
    if (spec.empty()) continue;
    const auto shard = sim::cluster::parse_shard(spec, name_of(reader) + " shard");
    shard_count = shard.count;
    given[shard.index] = &reader;
  }
  std::vector<std::string> hints;
  for (std::uint64_t index = 0; shard_count && index < *shard_count; ++index) {
    const sim::cluster::ShardSpec shard{.index = index, .count = *shard_count};
    const auto runs = sim::cluster::shard_runs(total, shard);
    if (runs.size == 0 || runs.end() <= range.first || runs.first > range.last) continue;
    const auto file = given.find(index);
    if (file == given.end()) {
      hints.push_back(fmt::format("shard {} not given?", shard.to_string()));
      continue;
    }
    std::string output = file->second->path().string();
    if (output.ends_with(".partial")) output.resize(output.size() - 8);
    hints.push_back(fmt::format(
        "{} has not completed them: finish it with `seccoop run EXPERIMENT --shard {} -o {} "
        "--resume`",
        name_of(*file->second), shard.to_string(), output));
  }
  if (hints.empty() && from_mpi) {
    hints.emplace_back("finish the MPI job with `seccoop run EXPERIMENT --mpi -o FILE --resume`");
  }
  std::string text;
  for (const auto& hint : hints) text += (text.empty() ? "" : "; ") + hint;
  return text.empty() ? text : " (" + text + ")";
}

void report_missing(const std::vector<sim::io::ResultsReader>& readers,
                    const std::vector<std::uint64_t>& missing, std::uint64_t total,
                    std::vector<sim::Diagnostic>& problems) {
  const auto ranges = ranges_of(missing);
  for (std::size_t i = 0; i < ranges.size() && i < kMaxListedRanges; ++i) {
    const bool one = ranges[i].first == ranges[i].last;
    problems.push_back(
        {.message = fmt::format("{} {} {} missing{}", one ? "run" : "runs", range_text(ranges[i]),
                                one ? "is" : "are", missing_hint(readers, ranges[i], total))});
  }
  if (ranges.size() > kMaxListedRanges) {
    problems.push_back(
        {.message = fmt::format("... and {} more ranges of missing runs ({} runs "
                                "missing in all, of {})",
                                ranges.size() - kMaxListedRanges, missing.size(), total)});
  }
}

}  // namespace

std::string describe_runs(const std::vector<std::uint64_t>& runs) {
  const auto ranges = ranges_of(runs);
  std::string text;
  for (std::size_t i = 0; i < ranges.size() && i < kMaxListedRanges; ++i) {
    text += (text.empty() ? "" : ", ") + range_text(ranges[i]);
  }
  if (ranges.size() > kMaxListedRanges) text += ", ...";
  return (runs.size() == 1 ? "run " : "runs ") + text;
}

MergePlan plan_merge(const std::vector<sim::io::ResultsReader>& readers) {
  if (readers.empty()) throw sim::UserError("no files to merge");
  std::vector<sim::Diagnostic> problems;
  for (const auto& reader : readers) require_seccoop_results(reader);
  for (std::size_t i = 1; i < readers.size(); ++i) {
    check_same_source(readers.front(), readers[i], problems);
  }
  if (!problems.empty()) throw sim::UserError(problems);

  MergePlan plan{.total_runs = total_runs_of(readers.front()), .sources = {}};
  plan.sources.assign(plan.total_runs, RunSource{.file = kNoFile, .row = 0});
  // (first file, second file) -> runs complete in both
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint64_t>> duplicates;
  for (std::uint32_t file = 0; file < readers.size(); ++file) {
    const auto completed = readers[file].read_int64s("completed");
    const auto runs = readers[file].read_int64s("run");
    for (std::uint64_t row = 0; row < completed.size(); ++row) {
      if (completed[row] != 1) continue;
      const auto run = static_cast<std::uint64_t>(runs[row]);
      if (runs[row] < 0 || run >= plan.total_runs) {
        throw sim::io::IoError(readers[file].path(), "merge it",
                               fmt::format("row {} holds run {}, outside the experiment's {} runs",
                                           row, runs[row], plan.total_runs));
      }
      RunSource& source = plan.sources[run];
      if (source.file != kNoFile) {
        duplicates[{source.file, file}].push_back(run);
        continue;
      }
      source = {.file = file, .row = row};
    }
  }
  for (auto& [files, runs] : duplicates) {
    std::sort(runs.begin(), runs.end());
    problems.push_back(
        {.message = fmt::format("{} complete in both {} and {} (the same shard given twice?)",
                                describe_runs(runs), name_of(readers[files.first]),
                                name_of(readers[files.second]))});
  }
  std::vector<std::uint64_t> missing;
  for (std::uint64_t run = 0; run < plan.total_runs; ++run) {
    if (plan.sources[run].file == kNoFile) missing.push_back(run);
  }
  report_missing(readers, missing, plan.total_runs, problems);
  if (!problems.empty()) throw sim::UserError(problems);
  return plan;
}

}  // namespace seccoop::agents
