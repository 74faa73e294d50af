#include "agents/output/brief_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <optional>

namespace seccoop::agents {

namespace {

using sim::io::ResultsReader;

enum class Kind { flow, level };

struct OutcomeSpec {
  const char* label;
  const char* units;
  const char* variable;
  Kind kind;
  /// Index along the variable's third dimension to take (operations by mode, homicides by
  /// region); -1: the variable is one value a week.
  std::int64_t slot = -1;
};

/// Weeks in each window: 100 days is 14 weeks and 2 days; 14 whole weeks are used.
constexpr double kWindowWeeks[2] = {14.0, 52.0};
/// Values read at a time (2 MiB of doubles).
constexpr std::size_t kValuesPerSlice = std::size_t{1} << 18;

/// Values one run holds of a record variable (the product of its other dimensions).
std::size_t values_per_run(const ResultsReader& reader, const char* variable) {
  const auto shape = reader.schema().shape_of(reader.variable(variable));
  return std::accumulate(shape.begin() + 1, shape.end(), std::size_t{1}, std::multiplies<>());
}

std::optional<std::int64_t> sinaloa_region(const ResultsReader& reader) {
  if (reader.schema().find_variable("region_code") == nullptr) return std::nullopt;
  const auto codes = reader.read_strings("region_code");
  const std::size_t regions = reader.dimension_size("region");
  for (std::size_t r = 0; r < codes.size(); ++r) {
    if (codes[r] == "SIN") return static_cast<std::int64_t>(r % regions);
  }
  return std::nullopt;
}

std::vector<OutcomeSpec> outcome_specs(const ResultsReader& reader) {
  const std::vector<OutcomeSpec> specs = {
      {"homicides", "homicides", "homicides", Kind::flow},
      {"fentanyl reaching the US", "kg", "fentanyl_flow_kg", Kind::flow},
      {"fentanyl seized in Mexico", "kg", "seized_mx_kg", Kind::flow},
      {"fentanyl seized at the border", "kg", "seized_border_kg", Kind::flow},
      {"HVT captures", "captures", "hvt_captures", Kind::flow},
      {"trust US in MX", "1", "trust_us_in_mx", Kind::level},
      {"trust MX in US", "1", "trust_mx_in_us", Kind::level},
      {"joint operations", "effort", "operations", Kind::flow, 0},
      {"unilateral operations", "effort", "operations", Kind::flow, 2},
      {"US strikes", "strikes", "strikes", Kind::flow},
      {"active cartels", "cartels", "active_cartels", Kind::level},
  };
  std::vector<OutcomeSpec> present;
  const auto keep_if_recorded = [&](const OutcomeSpec& spec) {
    const auto* variable = reader.schema().find_variable(spec.variable);
    if (variable != nullptr && variable->dimensions.size() >= 2 &&
        variable->dimensions[1] == "week") {
      present.push_back(spec);
    }
  };
  const auto sinaloa = sinaloa_region(reader);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    keep_if_recorded(specs[i]);
    if (i == 0 && sinaloa) {  // right after national homicides
      keep_if_recorded(
          {"Sinaloa homicides", "homicides", "homicides_by_region", Kind::flow, *sinaloa});
    }
  }
  return present;
}

/// The three time-point values of one run's weekly series `values` (recorded weeks `weeks`).
std::array<double, kBriefTimePoints> time_points(const std::vector<double>& values,
                                                 const std::vector<double>& weeks, Kind kind) {
  std::array<double, kBriefTimePoints> result{};
  std::size_t last = 0;  // last recorded week of this run (shorter scenarios end in NaN)
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isnan(values[i])) last = i + 1;
  }
  const double horizon = last > 0 ? weeks[last - 1] : 0.0;
  const double windows[kBriefTimePoints] = {kWindowWeeks[0], kWindowWeeks[1], horizon};
  for (std::size_t t = 0; t < kBriefTimePoints; ++t) {
    const double end = std::min(windows[t], horizon);
    double sum = 0.0;
    double level = std::nan("");
    std::size_t count = 0;
    for (std::size_t i = 0; i < last && weeks[i] <= end; ++i) {
      sum += values[i];
      level = values[i];
      ++count;
    }
    // Mean recorded week times the window: exact when every week is recorded, an estimate
    // with a week stride.
    result[t] = kind == Kind::level
                    ? level
                    : (count > 0 ? sum / static_cast<double>(count) * end : std::nan(""));
  }
  return result;
}

}  // namespace

std::vector<BriefOutcome> brief_table(const ResultsReader& reader) {
  const std::size_t runs = reader.dimension_size("run");
  const auto weeks = reader.read_doubles("week");
  const std::size_t week_count = weeks.size();
  std::vector<std::string> scenarios = reader.read_strings("scenario");
  const auto specs = outcome_specs(reader);

  // Runs are read a slice at a time, every outcome of a slice before the next: the memory
  // stays that of one slice however many runs the file holds (`seccoop run` prints this table
  // after a sweep: whole variables were 50 MB at 100,000 two-week runs).
  std::size_t widest = 1;
  for (const auto& spec : specs) widest = std::max(widest, values_per_run(reader, spec.variable));
  const std::size_t slice = std::max<std::size_t>(1, kValuesPerSlice / widest);
  using ScenarioStatistics = std::map<std::string, std::array<RunningStatistics, kBriefTimePoints>>;
  std::vector<ScenarioStatistics> statistics(specs.size());
  std::vector<double> series(week_count);
  for (std::size_t first = 0; first < runs; first += slice) {
    const std::size_t count = std::min(slice, runs - first);
    const auto completed = reader.read_doubles("completed", first, count);
    const auto run_scenario = reader.read_strings("run_scenario", first, count);
    for (std::size_t o = 0; o < specs.size(); ++o) {
      const OutcomeSpec& spec = specs[o];
      const auto values = reader.read_doubles(spec.variable, first, count);
      const std::size_t width = values.size() / std::max<std::size_t>(1, count * week_count);
      const std::size_t slot = spec.slot >= 0 ? static_cast<std::size_t>(spec.slot) : 0;
      for (std::size_t run = 0; run < count; ++run) {
        if (completed[run] != 1.0) continue;
        for (std::size_t w = 0; w < week_count; ++w) {
          series[w] = values[(run * week_count + w) * width + slot];
        }
        const auto points = time_points(series, weeks, spec.kind);
        auto& accumulated = statistics[o][run_scenario[run]];
        for (std::size_t t = 0; t < kBriefTimePoints; ++t) accumulated[t].add(points[t]);
      }
    }
  }

  std::vector<BriefOutcome> table;
  for (std::size_t o = 0; o < specs.size(); ++o) {
    BriefOutcome outcome{.label = specs[o].label,
                         .units = specs[o].units,
                         .cumulative = specs[o].kind == Kind::flow};
    for (const auto& scenario : scenarios) {
      const auto found = statistics[o].find(scenario);
      if (found == statistics[o].end()) continue;
      outcome.scenarios.push_back(scenario);
      std::vector<MeanEstimate> estimates;
      for (const auto& s : found->second) estimates.push_back(mean_with_95_interval(s));
      outcome.estimates.push_back(std::move(estimates));
    }
    table.push_back(std::move(outcome));
  }
  return table;
}

namespace {

std::string format_estimate(const MeanEstimate& e, const std::string& units) {
  const bool fraction = units == "1";
  const auto number = [&](double v) {
    if (std::isnan(v)) return std::string("-");
    return fraction ? fmt::format("{:.3f}", v) : fmt::format("{:.0f}", v);
  };
  if (std::isnan(e.low)) return number(e.mean);
  return fmt::format("{} [{}, {}]", number(e.mean), number(e.low), number(e.high));
}

}  // namespace

std::string format_brief_table(const std::vector<BriefOutcome>& table) {
  std::string text;
  for (const auto& outcome : table) {
    const std::string what = outcome.cumulative     ? outcome.units + ", total from the start"
                             : outcome.units == "1" ? std::string("level")
                                                    : outcome.units + ", level";
    text += fmt::format("\n{} ({}; mean [95% interval] over replications)\n", outcome.label, what);
    text += fmt::format("  {:<24}", "scenario");
    for (const char* label : kBriefTimeLabels) text += fmt::format(" {:>28}", label);
    text += '\n';
    for (std::size_t s = 0; s < outcome.scenarios.size(); ++s) {
      text += fmt::format("  {:<24}", outcome.scenarios[s]);
      for (const auto& estimate : outcome.estimates[s]) {
        text += fmt::format(" {:>28}", format_estimate(estimate, outcome.units));
      }
      text += '\n';
    }
  }
  return text;
}

}  // namespace seccoop::agents
