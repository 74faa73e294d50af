#include "agents/output/axis_coordinates.hpp"

#include <algorithm>
#include <string>

namespace seccoop::agents {

namespace {

using sim::io::ValueType;
using sim::io::Variable;

/// A text variable over (scenario, axis) telling what each slot of the axis is.
struct AxisLabel {
  std::string variable;
  std::string long_name;
  std::vector<std::string> (*labels)(const World&);
};

std::string axis_name(Axis axis) { return std::string(kAxisNames[static_cast<std::size_t>(axis)]); }

std::vector<std::string> actor_names_of(const World& world) {
  return world.definition->actor_names();
}

template <typename Edge, std::uint32_t Edge::*Endpoint>
std::vector<std::string> endpoint_names(const std::vector<Edge>& edges, const World& world) {
  const auto names = world.definition->actor_names();
  std::vector<std::string> labels;
  for (const auto& edge : edges) labels.push_back(names.at(edge.*Endpoint));
  return labels;
}

std::vector<AxisLabel> labels_of(Axis axis) {
  switch (axis) {
    case Axis::cartel:
      return {{"cartel_name",
               "cartel name (empty for factions formed during a run and unused slots)",
               [](const World& w) { return w.definition->cartel_names(); }}};
    case Axis::region:
      return {{"region_code", "region code",
               [](const World& w) { return w.definition->regions.codes; }},
              {"region_name", "region name",
               [](const World& w) { return w.definition->regions.names; }}};
    case Axis::actor:
      return {{"actor_name", "state actor name", actor_names_of}};
    case Axis::trust_edge:
      return {{"trust_edge_from", "actor whose trust the edge holds",
               [](const World& w) {
                 return endpoint_names<TrustEdge, &TrustEdge::from>(w.definition->trust, w);
               }},
              {"trust_edge_to", "actor trusted", [](const World& w) {
                 return endpoint_names<TrustEdge, &TrustEdge::to>(w.definition->trust, w);
               }}};
    case Axis::coordination_edge:
      return {{"coordination_edge_us", "United States agency of the channel",
               [](const World& w) {
                 return endpoint_names<CoordinationEdge, &CoordinationEdge::us_actor>(
                     w.definition->coordination, w);
               }},
              {"coordination_edge_mx", "Mexican body of the channel", [](const World& w) {
                 return endpoint_names<CoordinationEdge, &CoordinationEdge::mx_actor>(
                     w.definition->coordination, w);
               }}};
    case Axis::mode:
      return {{"mode_name", "operation mode", [](const World&) {
                 return std::vector<std::string>(kModeNames.begin(), kModeNames.end());
               }}};
  }
  return {};  // an axis without labels still gets its slot coordinate
}

std::size_t axis_size(Axis axis, const std::vector<World>& worlds) {
  std::size_t size = 1;
  for (const auto& world : worlds) size = std::max(size, world.axis_sizes().size(axis));
  return size;
}

Variable coordinate_variable(std::string name, std::vector<std::string> dimensions, ValueType type,
                             std::string long_name) {
  return Variable{.name = std::move(name),
                  .dimensions = std::move(dimensions),
                  .type = type,
                  .attributes = {{"units", std::string("1")}, {"long_name", std::move(long_name)}}};
}

}  // namespace

std::vector<Axis> axes_used(const std::vector<Series>& series) {
  std::vector<Axis> axes;
  for (const Series id : series) {
    for (const Axis axis : series_catalog()[static_cast<std::size_t>(id)].axes) {
      if (std::ranges::find(axes, axis) == axes.end()) axes.push_back(axis);
    }
  }
  std::ranges::sort(axes);
  return axes;
}

void add_axis_schema(const std::vector<Axis>& axes, const std::vector<World>& worlds,
                     sim::io::FileSchema& schema) {
  for (const Axis axis : axes) {
    const std::string name = axis_name(axis);
    schema.dimensions.push_back({.name = name, .size = axis_size(axis, worlds)});
    schema.variables.push_back(coordinate_variable(name, {name}, ValueType::int32, name + " slot"));
    for (const auto& label : labels_of(axis)) {
      schema.variables.push_back(coordinate_variable(label.variable, {"scenario", name},
                                                     ValueType::string, label.long_name));
    }
  }
}

void write_axis_coordinates(sim::io::ResultsFile& file, const std::vector<Axis>& axes,
                            const std::vector<World>& worlds) {
  for (const Axis axis : axes) {
    const std::string name = axis_name(axis);
    const std::size_t size = file.dimension_size(name);
    std::vector<std::int32_t> slots(size);
    for (std::size_t i = 0; i < size; ++i) slots[i] = static_cast<std::int32_t>(i);
    file.write_static(name, std::span<const std::int32_t>(slots));
    for (const auto& label : labels_of(axis)) {
      std::vector<std::string> values;
      for (const auto& world : worlds) {
        auto labels = label.labels(world);
        labels.resize(size);  // empty for slots this scenario does not use
        values.insert(values.end(), labels.begin(), labels.end());
      }
      file.write_static(label.variable, std::span<const std::string>(values));
    }
  }
}

}  // namespace seccoop::agents
