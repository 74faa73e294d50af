#include "app/commands/outcome_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace seccoop::app {

namespace {

/// Six significant digits: enough to compare scenarios, short enough to read.
std::string readable(double value) {
  return std::isnan(value) ? "-" : fmt::format("{:.6g}", value);
}

std::string exact(double value) { return std::isnan(value) ? "" : fmt::format("{}", value); }

/// Quotes a CSV field when it needs it (RFC 4180).
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

void print_outcome_table(const agents::ResultsSummary& summary, std::FILE* out) {
  std::size_t scenario_width = std::string("scenario").size();
  std::size_t outcome_width = std::string("outcome").size();
  std::size_t units_width = std::string("units").size();
  for (const auto& row : summary.rows) {
    scenario_width = std::max(scenario_width, row.scenario.size());
    outcome_width = std::max(outcome_width, row.outcome.size());
    units_width = std::max(units_width, row.units.size());
  }
  fmt::print(out, "{:<{}}  {:>5}  {:<{}}  {:<{}}  {:>5}  {:>12}  {:>12}  {:>12}\n", "scenario",
             scenario_width, "point", "outcome", outcome_width, "units", units_width, "runs",
             "mean", "95% low", "95% high");
  for (const auto& row : summary.rows) {
    const auto& e = row.estimate;
    fmt::print(out, "{:<{}}  {:>5}  {:<{}}  {:<{}}  {:>5}  {:>12}  {:>12}  {:>12}\n", row.scenario,
               scenario_width, row.sweep_point, row.outcome, outcome_width, row.units, units_width,
               e.count, readable(e.mean), readable(e.low), readable(e.high));
  }
  if (summary.runs_completed < summary.runs_total) {
    fmt::print(out, "({} of {} runs complete; the others are left out)\n", summary.runs_completed,
               summary.runs_total);
  }
}

void print_outcome_csv(const agents::ResultsSummary& summary, std::FILE* out) {
  fmt::print(out, "scenario,sweep_point,outcome,units,runs,mean,ci95_low,ci95_high\n");
  for (const auto& row : summary.rows) {
    const auto& e = row.estimate;
    fmt::print(out, "{},{},{},{},{},{},{},{}\n", csv_field(row.scenario), row.sweep_point,
               csv_field(row.outcome), csv_field(row.units), e.count, exact(e.mean), exact(e.low),
               exact(e.high));
  }
}

}  // namespace seccoop::app
