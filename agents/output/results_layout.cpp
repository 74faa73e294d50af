#include "agents/output/results_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>

#include "agents/output/axis_coordinates.hpp"
#include "agents/output/event_table.hpp"
#include "agents/output/run_blocks.hpp"

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

/// Length of the file's `week` dimension (0 when only summaries are written).
std::size_t recorded_weeks(const Experiment& experiment) {
  return experiment.outputs.recorded_weeks(max_weeks(experiment));
}

/// Week number of row `index` along the file's `week` dimension.
std::size_t week_of_row(const Experiment& experiment, std::size_t index) {
  return (index + 1) * experiment.outputs.week_stride;
}

std::vector<std::string> series_dimensions(const SeriesSpec& spec, bool weekly) {
  std::vector<std::string> dimensions = {"run"};
  if (weekly) dimensions.emplace_back("week");
  for (const Axis axis : spec.axes)
    dimensions.emplace_back(kAxisNames[static_cast<std::size_t>(axis)]);
  return dimensions;
}

/// The weekly series, or their per-run summaries, that the experiment selects.
void add_series_variables(const Experiment& experiment, std::vector<Variable>& v) {
  for (const Series id : experiment.outputs.series()) {
    const SeriesSpec& spec = series_catalog()[static_cast<std::size_t>(id)];
    const std::string name(spec.name);
    const std::string long_name(spec.long_name);
    if (!experiment.outputs.summaries_only) {
      v.push_back(variable(name, series_dimensions(spec, true), ValueType::float64,
                           std::string(spec.units), long_name));
      continue;
    }
    v.push_back(variable(name + std::string(kFinalSuffix), series_dimensions(spec, false),
                         ValueType::float64, std::string(spec.units),
                         long_name + ", in the last week of the run"));
    v.push_back(variable(name + std::string(kMeanSuffix), series_dimensions(spec, false),
                         ValueType::float64, std::string(spec.units),
                         long_name + ", mean over the weeks of the run"));
  }
}

/// One variable along `run` per swept parameter, named by its path.
void add_sweep_variables(const Experiment& experiment, std::vector<Variable>& v) {
  if (!experiment.sweep) return;
  const auto& table = experiment.scenarios.front().parameters.table();
  for (const auto& path : experiment.sweep->paths()) {
    const sim::ParameterSpec& spec = table.spec(*table.index_of(path));
    v.push_back(
        variable(path, {"run"}, ValueType::float64, spec.unit, "swept parameter: " + spec.meaning));
  }
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
  const std::size_t weeks = recorded_weeks(experiment);
  schema.dimensions.push_back({.name = "run", .size = 0, .unlimited = true});
  if (weeks > 0) schema.dimensions.push_back({.name = "week", .size = weeks});
  schema.dimensions.push_back({.name = "scenario", .size = experiment.scenarios.size()});
  auto& v = schema.variables;
  v.push_back(variable("run", {"run"}, ValueType::int64, "1", "global run index"));
  if (weeks > 0) {
    v.push_back(variable("week", {"week"}, ValueType::int32, "1",
                         "week of the scenario (states at the end of the week; flows are totals "
                         "over it)"));
  }
  // CF time in days, not weeks: xarray and cftime cannot decode "weeks since".
  const auto start = weeks > 0 ? common_start(experiment) : std::nullopt;
  if (start) {
    Variable time = variable("time", {"week"}, ValueType::int32, "days since " + start->iso(),
                             "end of the week");
    time.attributes.push_back({"calendar", std::string("proleptic_gregorian")});
    v.push_back(std::move(time));
  }
  v.push_back(variable("scenario", {"scenario"}, ValueType::string, "1", "scenario name"));
  if (weeks > 0) {
    v.push_back(variable("date", {"scenario", "week"}, ValueType::string, "1",
                         "ISO date at the end of the week"));
  }
  add_axis_schema(axes_used(experiment.outputs.series()), worlds, schema);

  v.push_back(variable("run_scenario", {"run"}, ValueType::string, "1", "scenario of the run"));
  v.push_back(variable("scenario_index", {"run"}, ValueType::int32, "1", "index along scenario"));
  v.push_back(variable("sweep_point", {"run"}, ValueType::int32, "1", "sweep point index"));
  v.push_back(variable("replicate", {"run"}, ValueType::int32, "1", "replicate index"));
  v.push_back(variable("seed", {"run"}, ValueType::int64, "1",
                       "master seed; a run's random streams are keyed by (seed, run)"));
  v.push_back(
      variable("wall_time", {"run"}, ValueType::float64, "s", "wall-clock time of the run"));
  Variable status = variable("status", {"run"}, ValueType::int8, "1", "run status");
  status.attributes.push_back({"flag_values", std::vector<std::int64_t>{0, 1}});
  status.attributes.push_back({"flag_meanings", std::string("pending ok")});
  v.push_back(std::move(status));
  v.push_back(variable(
      "completed", {"run"}, ValueType::int8, "1",
      "1 once the run's data is on disk (set per block of runs, after the data is flushed)"));

  add_sweep_variables(experiment, v);
  add_series_variables(experiment, v);
  add_event_schema(experiment, schema);
  for (auto& each : v) add_time_coordinate(each, start.has_value());
  align_record_chunks(schema);
  return schema;
}

void write_coordinates(sim::io::ResultsFile& file, const Experiment& experiment,
                       const std::vector<World>& worlds) {
  const std::size_t weeks = recorded_weeks(experiment);
  if (weeks > 0) {
    std::vector<std::int32_t> week(weeks);
    for (std::size_t w = 0; w < weeks; ++w) {
      week[w] = static_cast<std::int32_t>(week_of_row(experiment, w));
    }
    file.write_static("week", std::span<const std::int32_t>(week));
  }
  if (file.schema().find_variable("time") != nullptr) {
    std::vector<std::int32_t> days(weeks);
    for (std::size_t w = 0; w < weeks; ++w) {
      days[w] = static_cast<std::int32_t>(7 * week_of_row(experiment, w));
    }
    file.write_static("time", std::span<const std::int32_t>(days));
  }

  std::vector<std::string> names;
  std::vector<std::string> dates;
  for (const Scenario& scenario : experiment.scenarios) {
    names.push_back(scenario.name);
    for (std::size_t row = 0; row < weeks; ++row) {
      const std::size_t w = week_of_row(experiment, row);
      dates.push_back(static_cast<int>(w) <= scenario.weeks
                          ? scenario.start.end_of_week(static_cast<long>(w)).iso()
                          : std::string());
    }
  }
  file.write_static("scenario", std::span<const std::string>(names));
  if (weeks > 0) file.write_static("date", std::span<const std::string>(dates));
  write_axis_coordinates(file, axes_used(experiment.outputs.series()), worlds);
  write_event_coordinate(file);
}

namespace {

/// The last week's values and the mean over all weeks, each padded to `width_out` with NaN.
std::pair<std::vector<double>, std::vector<double>> final_and_mean(std::span<const double> values,
                                                                   std::size_t weeks,
                                                                   std::size_t width_in,
                                                                   std::size_t width_out) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> final_values(width_out, kNaN);
  std::vector<double> means(width_out, kNaN);
  if (weeks == 0) return {final_values, means};
  for (std::size_t i = 0; i < width_in; ++i) {
    double sum = 0.0;
    for (std::size_t w = 0; w < weeks; ++w) sum += values[w * width_in + i];
    means[i] = sum / static_cast<double>(weeks);
    final_values[i] = values[(weeks - 1) * width_in + i];
  }
  return {final_values, means};
}

}  // namespace

void write_run(sim::io::ResultsFile& file, std::size_t row, const sim::RunSpec& spec,
               const Experiment& experiment, const PreparedRun& run) {
  const RunRecord& record = run.record;
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
  if (experiment.sweep) {
    const std::vector<double> point = experiment.sweep->point(spec.point);
    for (std::size_t axis = 0; axis < point.size(); ++axis)
      one(experiment.sweep->paths()[axis], point[axis]);
  }
  write_events(file, row, record);

  const OutputSelection& outputs = experiment.outputs;
  const auto selected = outputs.series();
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const SeriesSpec& series = series_catalog()[static_cast<std::size_t>(selected[i])];
    if (!outputs.summaries_only) {
      if (!run.chunks[i].empty()) {
        file.write_filtered_row(series.name, row, run.chunks[i]);
      } else {
        file.write(series.name, row, 1, std::span<const double>(run.rows[i]));
      }
      continue;
    }
    std::size_t width_out = 1;
    for (const Axis axis : series.axes) {
      width_out *= file.dimension_size(kAxisNames[static_cast<std::size_t>(axis)]);
    }
    const auto [final_values, means] = final_and_mean(record.values(selected[i]), record.weeks(),
                                                      record.width(selected[i]), width_out);
    const std::string name(series.name);
    file.write(name + std::string(kFinalSuffix), row, 1, std::span<const double>(final_values));
    file.write(name + std::string(kMeanSuffix), row, 1, std::span<const double>(means));
  }
  one("status", static_cast<std::int8_t>(RunStatus::ok));
}

void mark_completed(sim::io::ResultsFile& file, std::size_t row) {
  const std::int8_t done = 1;
  file.write("completed", row, 1, std::span<const std::int8_t>(&done, 1));
}

}  // namespace seccoop::agents
