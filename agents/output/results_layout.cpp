#include "agents/output/results_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace seccoop::agents {

namespace {

using sim::io::Attribute;
using sim::io::ValueType;
using sim::io::Variable;

Variable variable(std::string name, std::vector<std::string> dimensions, ValueType type,
                  std::string units, std::string long_name) {
  return Variable{.name = std::move(name),
                  .dimensions = std::move(dimensions),
                  .type = type,
                  .attributes = {{"units", std::move(units)}, {"long_name", std::move(long_name)}}};
}

std::size_t max_weeks(const Experiment& experiment) {
  int weeks = 0;
  for (const auto& scenario : experiment.scenarios) weeks = std::max(weeks, scenario.weeks);
  return static_cast<std::size_t>(weeks);
}

std::size_t max_cartels(const std::vector<World>& worlds) {
  std::size_t cartels = 1;
  for (const auto& world : worlds) cartels = std::max(cartels, world.cartel_count());
  return cartels;
}

/// The start shared by every scenario, if they share one.
std::optional<sim::Date> common_start(const Experiment& experiment) {
  const sim::Date start = experiment.scenarios.front().start;
  for (const auto& scenario : experiment.scenarios) {
    if (scenario.start != start) return std::nullopt;
  }
  return start;
}

/// Weekly series name `time` as an auxiliary coordinate when it exists.
void add_time_coordinate(Variable& variable, bool has_time) {
  if (has_time && variable.dimensions.size() > 1 && variable.dimensions[1] == "week") {
    variable.attributes.push_back({"coordinates", std::string("time")});
  }
}

}  // namespace

sim::io::FileSchema results_schema(const Experiment& experiment, const std::vector<World>& worlds) {
  sim::io::FileSchema schema;
  schema.dimensions = {{.name = "run", .size = 0, .unlimited = true},
                       {.name = "week", .size = max_weeks(experiment)},
                       {.name = "scenario", .size = experiment.scenarios.size()},
                       {.name = "cartel", .size = max_cartels(worlds)}};
  auto& v = schema.variables;
  v.push_back(variable("run", {"run"}, ValueType::int64, "1", "global run index"));
  v.push_back(variable("week", {"week"}, ValueType::int32, "1",
                       "week of the scenario (states at the end of the week; flows are totals "
                       "over it)"));
  // CF time in days, not weeks: xarray and cftime cannot decode "weeks since".
  const auto start = common_start(experiment);
  if (start) {
    Variable time = variable("time", {"week"}, ValueType::int32, "days since " + start->iso(),
                             "end of the week");
    time.attributes.push_back({"calendar", std::string("proleptic_gregorian")});
    v.push_back(std::move(time));
  }
  v.push_back(variable("scenario", {"scenario"}, ValueType::string, "1", "scenario name"));
  v.push_back(variable("cartel", {"cartel"}, ValueType::int32, "1", "cartel slot"));
  v.push_back(variable("date", {"scenario", "week"}, ValueType::string, "1",
                       "ISO date at the end of the week"));
  v.push_back(variable("cartel_name", {"scenario", "cartel"}, ValueType::string, "1",
                       "cartel name (empty where a scenario has fewer cartels)"));

  v.push_back(variable("run_scenario", {"run"}, ValueType::string, "1", "scenario of the run"));
  v.push_back(variable("scenario_index", {"run"}, ValueType::int32, "1", "index along scenario"));
  v.push_back(variable("sweep_point", {"run"}, ValueType::int32, "1", "sweep point index"));
  v.push_back(variable("replicate", {"run"}, ValueType::int32, "1", "replicate index"));
  v.push_back(variable("seed", {"run"}, ValueType::int64, "1",
                       "master seed; a run's random streams are keyed by (seed, run)"));
  v.push_back(variable("wall_time", {"run"}, ValueType::float64, "s", "wall-clock time of the run"));
  Variable status = variable("status", {"run"}, ValueType::int8, "1", "run status");
  status.attributes.push_back({"flag_values", std::vector<std::int64_t>{0, 1}});
  status.attributes.push_back({"flag_meanings", std::string("pending ok")});
  v.push_back(std::move(status));
  v.push_back(variable("completed", {"run"}, ValueType::int8, "1",
                       "1 when every variable of the run is written (written last)"));

  for (const auto& spec : series_catalog()) {
    std::vector<std::string> dimensions = {"run", "week"};
    for (const Axis axis : spec.axes) dimensions.emplace_back(kAxisNames[static_cast<std::size_t>(axis)]);
    v.push_back(variable(std::string(spec.name), std::move(dimensions), ValueType::float64,
                         std::string(spec.units), std::string(spec.long_name)));
  }
  for (auto& each : v) add_time_coordinate(each, start.has_value());
  return schema;
}

void write_coordinates(sim::io::ResultsFile& file, const Experiment& experiment,
                       const std::vector<World>& worlds) {
  const std::size_t weeks = max_weeks(experiment);
  const std::size_t cartels = max_cartels(worlds);
  std::vector<std::int32_t> week(weeks);
  for (std::size_t w = 0; w < weeks; ++w) week[w] = static_cast<std::int32_t>(w + 1);
  file.write_static("week", std::span<const std::int32_t>(week));
  if (file.schema().find_variable("time") != nullptr) {
    std::vector<std::int32_t> days(weeks);
    for (std::size_t w = 0; w < weeks; ++w) days[w] = static_cast<std::int32_t>(7 * (w + 1));
    file.write_static("time", std::span<const std::int32_t>(days));
  }

  std::vector<std::string> names;
  std::vector<std::string> dates;
  std::vector<std::string> cartel_names;
  for (std::size_t s = 0; s < experiment.scenarios.size(); ++s) {
    const Scenario& scenario = experiment.scenarios[s];
    names.push_back(scenario.name);
    for (std::size_t w = 1; w <= weeks; ++w) {
      dates.push_back(static_cast<int>(w) <= scenario.weeks
                          ? scenario.start.end_of_week(static_cast<long>(w)).iso()
                          : std::string());
    }
    for (std::size_t c = 0; c < cartels; ++c) {
      cartel_names.push_back(c < worlds[s].cartel_count() ? worlds[s].cartel_names[c] : "");
    }
  }
  file.write_static("scenario", std::span<const std::string>(names));
  file.write_static("date", std::span<const std::string>(dates));
  file.write_static("cartel_name", std::span<const std::string>(cartel_names));
  std::vector<std::int32_t> slots(cartels);
  for (std::size_t c = 0; c < cartels; ++c) slots[c] = static_cast<std::int32_t>(c);
  file.write_static("cartel", std::span<const std::int32_t>(slots));
}

namespace {

/// Copies a [week] or [week][cartel] series into the file's full extent, NaN past the run's end.
std::vector<double> padded(const std::vector<double>& values, std::size_t weeks,
                           std::size_t width_in, std::size_t weeks_out, std::size_t width_out) {
  std::vector<double> out(weeks_out * width_out, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t w = 0; w < weeks; ++w) {
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(w * width_in), width_in,
                out.begin() + static_cast<std::ptrdiff_t>(w * width_out));
  }
  return out;
}

}  // namespace

void write_run(sim::io::ResultsFile& file, std::size_t row, const sim::RunSpec& spec,
               const Experiment& experiment, const RunRecord& record) {
  const std::size_t weeks = file.dimension_size("week");
  const auto one = [&](std::string_view name, auto value) {
    file.write(name, row, 1, std::span<const decltype(value)>(&value, 1));
  };
  one("run", static_cast<std::int64_t>(spec.run_index));
  one("run_scenario", experiment.scenarios[spec.scenario].name);
  one("scenario_index", static_cast<std::int32_t>(spec.scenario));
  one("sweep_point", static_cast<std::int32_t>(spec.point));
  one("replicate", static_cast<std::int32_t>(spec.replicate));
  one("seed", static_cast<std::int64_t>(experiment.seed));
  one("wall_time", record.wall_seconds);

  for (const auto& series : series_catalog()) {
    std::size_t width_out = 1;
    for (const Axis axis : series.axes) {
      width_out *= file.dimension_size(kAxisNames[static_cast<std::size_t>(axis)]);
    }
    const auto full = padded(record.values(series.id), record.weeks(), record.width(series.id),
                             weeks, width_out);
    file.write(series.name, row, 1, std::span<const double>(full));
  }

  one("status", static_cast<std::int8_t>(RunStatus::ok));
  one("completed", std::int8_t{1});
}

}  // namespace seccoop::agents
