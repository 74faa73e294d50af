#include "agents/output/results_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "agents/output/record_selection.hpp"

namespace seccoop::agents {

namespace {

using sim::io::ResultsReader;
using sim::io::ValueType;
using sim::io::Variable;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kWeeksPerYear = 52.0;
/// Values read at a time (2 MiB of doubles): a file of any size is summarized in bounded memory.
constexpr std::size_t kValuesPerBlock = std::size_t{1} << 18;

enum class OutcomeKind { per_year_last_52_weeks, weekly_final, per_run_total };

struct Outcome {
  std::string name;
  std::string units;
  std::string variable;
  OutcomeKind kind;
  /// Dimensionless indices (units "1": cohesion, trust...) are averaged over their slots;
  /// quantities with units (members, kg, homicides) are summed into a national total.
  bool average_slots = false;
};

std::string units_of(const Variable& variable) {
  const auto* units = sim::io::find_attribute(variable.attributes, "units");
  return units != nullptr && std::holds_alternative<std::string>(units->value)
             ? std::get<std::string>(units->value)
             : std::string();
}

bool is_weekly_series(const Variable& v) {
  return v.type == ValueType::float64 && v.dimensions.size() >= 2 && v.dimensions[0] == "run" &&
         v.dimensions[1] == "week";
}

bool is_run_summary(const Variable& v) {
  return v.type == ValueType::float64 && !v.dimensions.empty() && v.dimensions[0] == "run" &&
         (v.dimensions.size() < 2 || v.dimensions[1] != "week") &&
         (v.name.ends_with(kFinalSuffix) || v.name.ends_with(kMeanSuffix));
}

std::vector<Outcome> outcomes_of(const sim::io::FileSchema& schema) {
  std::vector<Outcome> outcomes;
  const Variable* homicides = schema.find_variable("homicides");
  if (homicides != nullptr && is_weekly_series(*homicides)) {
    outcomes.push_back({"homicides_per_year_last_52_weeks", "homicides/year", "homicides",
                        OutcomeKind::per_year_last_52_weeks});
  }
  for (const auto& v : schema.variables) {
    if (is_weekly_series(v)) {
      outcomes.push_back(
          {v.name + std::string(kFinalSuffix), units_of(v), v.name, OutcomeKind::weekly_final});
    } else if (is_run_summary(v)) {
      outcomes.push_back({v.name, units_of(v), v.name, OutcomeKind::per_run_total});
    }
  }
  for (auto& outcome : outcomes) outcome.average_slots = outcome.units == "1";
  return outcomes;
}

/// Sum (or mean) of the non-NaN values (slots a scenario does not use are NaN); NaN when all
/// are.
double national_total(const double* values, std::size_t width, bool average) {
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < width; ++i) {
    if (std::isnan(values[i])) continue;
    sum += values[i];
    ++count;
  }
  if (count == 0) return kNaN;
  return average ? sum / static_cast<double>(count) : sum;
}

/// One run's outcome from its [weeks][width] block (weeks = 1 for per-run summaries).
double run_outcome(const Outcome& outcome, const double* values, std::size_t weeks,
                   std::size_t width, const std::vector<double>& week_numbers) {
  if (outcome.kind == OutcomeKind::per_run_total)
    return national_total(values, width, outcome.average_slots);
  std::size_t last = weeks;  // last recorded week of this run (later weeks are NaN)
  while (last > 0 &&
         std::isnan(national_total(values + (last - 1) * width, width, outcome.average_slots)))
    --last;
  if (last == 0) return kNaN;
  if (outcome.kind == OutcomeKind::weekly_final) {
    return national_total(values + (last - 1) * width, width, outcome.average_slots);
  }
  double sum = 0.0;
  std::size_t count = 0;
  for (std::size_t w = last; w > 0 && week_numbers[w - 1] > week_numbers[last - 1] - kWeeksPerYear;
       --w) {
    sum += national_total(values + (w - 1) * width, width, outcome.average_slots);
    ++count;
  }
  return sum / static_cast<double>(count) * kWeeksPerYear;
}

/// The shape of one run's values of an outcome: weeks (1 for per-run summaries) by width.
struct RunBlock {
  std::size_t weeks = 1;
  std::size_t width = 1;
};

RunBlock run_block(const ResultsReader& reader, const Outcome& outcome) {
  const auto shape = reader.schema().shape_of(reader.variable(outcome.variable));
  const bool per_run = outcome.kind == OutcomeKind::per_run_total;
  RunBlock block{.weeks = per_run ? 1 : shape[1]};
  for (std::size_t d = per_run ? 1 : 2; d < shape.size(); ++d) block.width *= shape[d];
  return block;
}

}  // namespace

void require_seccoop_results(const ResultsReader& reader) {
  if (sim::io::find_attribute(reader.global_attributes(), "experiment_yaml") == nullptr) {
    throw sim::io::IoError(reader.path(), "read it as seccoop results",
                           "not a seccoop results file (it has no 'experiment_yaml' attribute)");
  }
  for (const char* name : {"completed", "scenario_index", "sweep_point", "scenario"}) {
    if (reader.schema().find_variable(name) == nullptr) {
      throw sim::io::IoError(
          reader.path(), "read it as seccoop results",
          std::string("not a complete seccoop results file (no variable '") + name + "')");
    }
  }
}

ResultsSummary summarize_results(const ResultsReader& reader) {
  require_seccoop_results(reader);
  const std::size_t runs = reader.dimension_size("run");
  const auto scenario_names = reader.read_strings("scenario");
  const auto outcomes = outcomes_of(reader.schema());
  const auto week_numbers = reader.schema().find_dimension("week") != nullptr
                                ? reader.read_doubles("week")
                                : std::vector<double>();
  std::vector<RunBlock> blocks;
  std::size_t widest = 1;
  for (const auto& outcome : outcomes) {
    blocks.push_back(run_block(reader, outcome));
    widest = std::max(widest, blocks.back().weeks * blocks.back().width);
  }

  // Runs are read a slice at a time, every outcome of a slice before the next, so that the
  // memory is that of one slice whatever the number of runs; each group's statistics still
  // take its runs in order.
  ResultsSummary summary{.runs_total = runs};
  std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> groups;  // ordered for output
  std::vector<std::vector<RunningStatistics>> statistics;
  const std::size_t slice = std::max<std::size_t>(1, kValuesPerBlock / widest);
  std::vector<std::size_t> group_of;
  for (std::size_t first = 0; first < runs; first += slice) {
    const std::size_t count = std::min(slice, runs - first);
    const auto completed = reader.read_int64s("completed", first, count);
    const auto scenario_index = reader.read_int64s("scenario_index", first, count);
    const auto sweep_point = reader.read_int64s("sweep_point", first, count);
    group_of.assign(count, 0);
    for (std::size_t r = 0; r < count; ++r) {
      if (completed[r] != 1) continue;
      ++summary.runs_completed;
      const auto key = std::make_pair(scenario_index[r], sweep_point[r]);
      const auto [group, added] = groups.try_emplace(key, groups.size());
      if (added) statistics.emplace_back(outcomes.size());
      group_of[r] = group->second;
    }
    for (std::size_t o = 0; o < outcomes.size(); ++o) {
      const auto values = reader.read_doubles(outcomes[o].variable, first, count);
      const RunBlock& block = blocks[o];
      for (std::size_t r = 0; r < count; ++r) {
        if (completed[r] != 1) continue;
        const double value = run_outcome(outcomes[o], values.data() + r * block.weeks * block.width,
                                         block.weeks, block.width, week_numbers);
        if (!std::isnan(value)) statistics[group_of[r]][o].add(value);
      }
    }
  }

  // An outcome without a single value (an axis no scenario has, e.g. actors in a world of
  // cartels only) would be a row of blanks: leave it out.
  std::vector<bool> has_values(outcomes.size(), false);
  for (const auto& per_group : statistics) {
    for (std::size_t o = 0; o < outcomes.size(); ++o)
      has_values[o] = has_values[o] || per_group[o].count() > 0;
  }
  for (const auto& [key, group] : groups) {
    const auto scenario = static_cast<std::size_t>(key.first);
    for (std::size_t o = 0; o < outcomes.size(); ++o) {
      if (!has_values[o]) continue;
      summary.rows.push_back(
          {.scenario = scenario < scenario_names.size() ? scenario_names[scenario] : "?",
           .sweep_point = key.second,
           .outcome = outcomes[o].name,
           .units = outcomes[o].units,
           .estimate = mean_with_95_interval(statistics[group][o])});
    }
  }
  return summary;
}

}  // namespace seccoop::agents
