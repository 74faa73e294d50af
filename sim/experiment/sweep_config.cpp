#include "sim/experiment/sweep_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <limits>

#include "sim/config/did_you_mean.hpp"

namespace seccoop::sim {

namespace {

// Whether a part of the file added no diagnostic: readers fall back silently after reporting.
class ProblemCounter {
 public:
  explicit ProblemCounter(const ConfigNode& node)
      : diagnostics_(&node.diagnostics()), start_(diagnostics_->items().size()) {}
  [[nodiscard]] bool clean() const { return diagnostics_->items().size() == start_; }

 private:
  const Diagnostics* diagnostics_;
  std::size_t start_;
};

// What the per-axis readers need to know about the whole sweep.
struct Context {
  SweepMethod method;
};

SweepMethod method_from_name(const std::string& name) {
  if (name == "grid") return SweepMethod::grid;
  if (name == "list") return SweepMethod::list;
  if (name == "lhs") return SweepMethod::latin_hypercube;
  return SweepMethod::sobol;
}

// A number, checked against the parameter's declared range (and wholeness) when it has one.
std::optional<double> read_value(const ConfigNode& node, const ParameterSpec* spec) {
  const ProblemCounter counter(node);
  const NumberRange range = spec != nullptr ? spec->range : NumberRange{};
  const double value = spec != nullptr && spec->integer
                           ? static_cast<double>(node.integer(0, range))
                           : node.number(0.0, range);
  return counter.clean() ? std::optional(value) : std::nullopt;
}

void reject_key(const ConfigNode& parent, std::string_view key, std::string message) {
  if (const auto child = parent.find(key)) child->report(std::move(message));
}

std::optional<SweepAxis> read_explicit_values(SweepAxis axis, const ConfigNode& node,
                                              const ParameterSpec* spec) {
  for (const auto& key : {"min", "max", "scale", "points"}) {
    reject_key(node, key, "give either 'values' or a range ('min', 'max'), not both");
  }
  const ConfigNode values = *node.find("values");
  const auto items = values.items();
  if (values.is_sequence() && items.empty()) values.report("empty list of values", "a number");
  for (const auto& item : items) {
    if (const auto value = read_value(item, spec)) axis.values.push_back(*value);
  }
  return axis;
}

std::optional<SweepAxis> read_range(SweepAxis axis, const ConfigNode& node, const Context& context,
                                    const ParameterSpec* spec) {
  if (spec != nullptr && spec->integer) {
    node.report("a whole-number parameter cannot be swept over a continuous range",
                "'values' with method grid, or method list");
    return std::nullopt;
  }
  const ProblemCounter counter(node);
  const auto min_node = node.require("min");
  const auto max_node = node.require("max");
  if (const auto scale = node.find("scale")) {
    axis.range.scale =
        scale->choice({"linear", "log"}, "linear") == "log" ? AxisScale::log : AxisScale::linear;
  }
  const auto min = min_node ? read_value(*min_node, spec) : std::nullopt;
  const auto max = max_node ? read_value(*max_node, spec) : std::nullopt;
  if (min && max && !(*min < *max)) {
    node.report("min must be < max", "min < max", fmt::format("min {:g}, max {:g}", *min, *max));
  }
  if (min && axis.range.scale == AxisScale::log && *min <= 0.0) {
    min_node->report("log scale needs min > 0", "a number > 0", fmt::format("{:g}", *min));
  }
  if (context.method == SweepMethod::grid) {
    if (const auto points = node.require("points")) {
      const std::int64_t count = points->integer(0, {2, kMaxSweepPoints});
      axis.grid_points = static_cast<std::size_t>(count);
    }
  } else {
    reject_key(node, "points", "'points' on a parameter is only used by method grid");
  }
  if (!counter.clean()) return std::nullopt;
  axis.range.min = *min;
  axis.range.max = *max;
  return axis;
}

std::optional<SweepAxis> read_axis(const std::string& path, const ConfigNode& node,
                                   const Context& context, const ParameterSpec* spec) {
  SweepAxis axis{.path = path};
  if (context.method == SweepMethod::list) {
    if (node.yaml().IsNull() || (node.is_mapping() && node.yaml().size() == 0)) return axis;
    node.report("with method list the values are the rows of 'points'", "nothing, or {}");
    return std::nullopt;
  }
  const ProblemCounter counter(node);
  node.check_keys({"values", "min", "max", "scale", "points"});
  if (!node.is_mapping()) return std::nullopt;
  std::optional<SweepAxis> result;
  if (const auto values = node.find("values")) {
    if (context.method != SweepMethod::grid) {
      values->report("lhs and sobol sample a range, not a list of values", "'min' and 'max'");
    }
    result = read_explicit_values(std::move(axis), node, spec);
  } else {
    result = read_range(std::move(axis), node, context, spec);
  }
  return counter.clean() ? result : std::nullopt;
}

// The location of each key of a mapping, in entries() order (a key's own line and column,
// where a problem with the path itself belongs).
std::vector<SourceLocation> key_locations(const ConfigNode& mapping) {
  std::vector<SourceLocation> result;
  for (const auto& entry : mapping.yaml()) {
    const YAML::Mark mark = entry.first.Mark();
    result.push_back(mark.is_null() ? SourceLocation{.file = mapping.file()}
                                    : SourceLocation{.file = mapping.file(),
                                                     .line = mark.line + 1,
                                                     .column = mark.column + 1});
  }
  return result;
}

// The parameter a path names, reporting an unknown one with the closest known path.
const ParameterSpec* find_parameter(const std::string& path, const ConfigNode& child,
                                    const SourceLocation& where, const ParameterTable& table) {
  if (const auto index = table.index_of(path)) return &table.spec(*index);
  std::string message = "unknown parameter";
  const std::string suggestion = closest_match(path, table.paths());
  if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
  child.diagnostics().add(Diagnostic{.where = where,
                                     .key = child.key_path(),
                                     .message = std::move(message),
                                     .expected = "a parameter path listed by 'seccoop params'",
                                     .found = fmt::format("'{}'", path)});
  return nullptr;
}

std::vector<std::vector<double>> read_rows(const ConfigNode& points,
                                           const std::vector<const ParameterSpec*>& specs) {
  std::vector<std::vector<double>> rows;
  const auto items = points.items();
  if (points.is_sequence() && items.empty()) points.report("no points", "at least one row");
  for (const auto& row_node : items) {
    const auto cells = row_node.items();
    if (row_node.is_sequence() && cells.size() != specs.size()) {
      row_node.report(
          fmt::format("row has {} values", cells.size()),
          fmt::format("{} values, one per parameter in the order of 'parameters'", specs.size()),
          fmt::format("{} values", cells.size()));
      continue;
    }
    std::vector<double> row;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (const auto value = read_value(cells[i], specs[i])) row.push_back(*value);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// The `samples` key: required by lhs and sobol; sobol needs a power of two.
std::size_t read_samples(const ConfigNode& sweep, const Context& context, std::size_t axes) {
  const auto node = sweep.require("samples");
  if (!node) return 0;
  const bool sobol = context.method == SweepMethod::sobol;
  const auto samples = static_cast<std::size_t>(node->integer(0, {sobol ? 2.0 : 1.0, 1e12}));
  if (samples == 0 || !sobol) return samples;
  if (!std::has_single_bit(samples)) {
    node->report("samples must be a power of two for method sobol",
                 fmt::format("a power of two such as {} or {}", std::bit_floor(samples),
                             std::bit_ceil(samples)),
                 std::to_string(samples));
  } else if (samples > kMaxSweepPoints / (axes + 2)) {
    node->report("too many points: samples * (parameters + 2)",
                 fmt::format("at most {} points", kMaxSweepPoints),
                 fmt::format("{} * {}", samples, axes + 2));
  }
  return samples;
}

std::optional<SweepDesign> read(const ConfigNode& sweep, const ParameterTable* table,
                                std::uint64_t default_seed) {
  const ProblemCounter counter(sweep);
  sweep.check_keys({"method", "samples", "seed", "parameters", "points"});
  if (!sweep.is_mapping()) return std::nullopt;
  const auto method_node = sweep.require("method");
  const std::string name =
      method_node ? method_node->choice({"grid", "list", "lhs", "sobol"}, "") : std::string();
  const auto parameters = sweep.require("parameters");
  if (name.empty() || !parameters || !parameters->expect_mapping()) return std::nullopt;
  const Context context{.method = method_from_name(name)};
  const bool samples_used = name == "lhs" || name == "sobol";
  if (!samples_used) reject_key(sweep, "samples", "'samples' is not used by method " + name);
  if (name != "lhs") reject_key(sweep, "seed", "'seed' is only used by method lhs");
  if (name != "list") reject_key(sweep, "points", "'points' is only used by method list");

  std::vector<SweepAxis> axes;
  std::vector<const ParameterSpec*> specs;
  const auto entries = parameters->entries();
  const auto locations = key_locations(*parameters);
  if (entries.empty()) parameters->report("no parameters to sweep", "at least one path");
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const std::string& path = entries[e].first;
    const ConfigNode& child = entries[e].second;
    if (std::any_of(axes.begin(), axes.end(), [&](const auto& a) { return a.path == path; })) {
      child.report("parameter listed twice");
    }
    const ParameterSpec* spec =
        table != nullptr ? find_parameter(path, child, locations[e], *table) : nullptr;
    if (auto axis = read_axis(path, child, context, spec)) axes.push_back(std::move(*axis));
    specs.push_back(spec);
  }
  if (context.method == SweepMethod::sobol && entries.size() > SweepDesign::kMaxSobolAxes) {
    parameters->report("too many parameters for method sobol",
                       fmt::format("at most {}", SweepDesign::kMaxSobolAxes),
                       std::to_string(entries.size()));
  }
  const std::size_t samples = samples_used ? read_samples(sweep, context, entries.size()) : 0;
  std::uint64_t seed = default_seed;
  if (const auto seed_node = sweep.find("seed"); seed_node && name == "lhs") {
    seed = static_cast<std::uint64_t>(
        seed_node->integer(0, {0, static_cast<double>(std::numeric_limits<std::int64_t>::max())}));
  }
  std::vector<std::vector<double>> rows;
  if (context.method == SweepMethod::list) {
    if (const auto points = sweep.require("points")) rows = read_rows(*points, specs);
  }
  if (context.method == SweepMethod::grid && counter.clean()) {
    std::size_t count = 1;
    for (const auto& axis : axes) {
      const std::size_t size = axis.values.empty() ? axis.grid_points : axis.values.size();
      count = count > kMaxSweepPoints / size ? kMaxSweepPoints + 1 : count * size;
    }
    if (count > kMaxSweepPoints) {
      parameters->report("grid too large", fmt::format("at most {} points", kMaxSweepPoints),
                         "more");
    }
  }
  if (!counter.clean()) return std::nullopt;
  switch (context.method) {
    case SweepMethod::grid:
      return SweepDesign::grid(std::move(axes));
    case SweepMethod::list: {
      std::vector<std::string> paths;
      paths.reserve(axes.size());
      for (auto& axis : axes) paths.push_back(std::move(axis.path));
      return SweepDesign::list(std::move(paths), rows);
    }
    case SweepMethod::latin_hypercube:
      return SweepDesign::latin_hypercube(std::move(axes), samples, seed);
    case SweepMethod::sobol:
      return SweepDesign::sobol(std::move(axes), samples);
  }
  return std::nullopt;
}

}  // namespace

std::optional<SweepDesign> read_sweep(const ConfigNode& sweep_node, std::uint64_t default_seed) {
  return read(sweep_node, nullptr, default_seed);
}

std::optional<SweepDesign> read_sweep(const ConfigNode& sweep_node,
                                      const ParameterTable& parameters,
                                      std::uint64_t default_seed) {
  return read(sweep_node, &parameters, default_seed);
}

}  // namespace seccoop::sim
