#include "agents/output/event_table.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace seccoop::agents {

namespace {

using sim::io::ValueType;
using sim::io::Variable;

/// Times a scheduled event fires within the horizon.
std::size_t firings(const ScheduledEvent& event, int weeks) {
  if (event.repeat_every_weeks == 0) return 1;
  const auto last = std::min<std::uint64_t>(
      static_cast<std::uint64_t>(weeks),
      event.repeat_until_week == 0 ? static_cast<std::uint64_t>(weeks) : event.repeat_until_week);
  if (last < event.week) return 1;
  return 1 + (last - event.week) / event.repeat_every_weeks;
}

Variable event_variable(std::string name, ValueType type, std::string units,
                        std::string long_name) {
  return Variable{.name = std::move(name),
                  .dimensions = {"run", "event"},
                  .type = type,
                  .attributes = {{"units", std::move(units)}, {"long_name", std::move(long_name)}}};
}

constexpr EventType kKinds[] = {EventType::capture,  EventType::strike,    EventType::seizure,
                                EventType::transfer, EventType::framework, EventType::tariff,
                                EventType::set,      EventType::split};

}  // namespace

std::size_t event_slots(const Experiment& experiment) {
  std::size_t slots = 1;
  for (const Scenario& scenario : experiment.scenarios) {
    std::size_t scheduled = 0;
    for (const auto& event : scenario.events) scheduled += firings(event, scenario.weeks);
    const double factions = scenario.parameters.get("cartel.max_factions");
    slots = std::max(slots, scheduled + static_cast<std::size_t>(factions));
  }
  return slots;
}

void add_event_schema(const Experiment& experiment, sim::io::FileSchema& schema) {
  schema.dimensions.push_back({.name = "event", .size = event_slots(experiment)});
  schema.variables.push_back(
      Variable{.name = "event",
               .dimensions = {"event"},
               .type = ValueType::int32,
               .attributes = {{"units", std::string("1")},
                              {"long_name", std::string("event slot of a run")}}});
  Variable kind =
      event_variable("event_kind", ValueType::int8, "1", "kind of event (-1: unused slot)");
  std::vector<std::int64_t> values;
  std::string meanings;
  for (const EventType type : kKinds) {
    values.push_back(static_cast<std::int64_t>(type));
    meanings += (meanings.empty() ? "" : " ") + to_string(type);
  }
  kind.attributes.push_back({"flag_values", values});
  kind.attributes.push_back({"flag_meanings", meanings});
  schema.variables.push_back(std::move(kind));
  schema.variables.push_back(
      event_variable("event_week", ValueType::int32, "1", "week the event happened (-1: unused)"));
  schema.variables.push_back(event_variable(
      "event_actor", ValueType::int32, "1",
      "actor index (along actor) who acted; for a split, the cartel slot that split (-1: none)"));
  schema.variables.push_back(
      event_variable("event_target", ValueType::int32, "1",
                     "cartel slot targeted; for a split, the new faction's slot (-1: none)"));
  schema.variables.push_back(event_variable(
      "event_value", ValueType::float64, "1",
      "leaders captured, strikes, kg seized, prisoners, coordination level, tariff rate, new "
      "parameter value, or members of the new faction (by kind)"));
}

void write_event_coordinate(sim::io::ResultsFile& file) {
  std::vector<std::int32_t> slots(file.dimension_size("event"));
  std::iota(slots.begin(), slots.end(), 0);
  file.write_static("event", std::span<const std::int32_t>(slots));
}

void write_events(sim::io::ResultsFile& file, std::size_t row, const RunRecord& record) {
  const std::size_t slots = file.dimension_size("event");
  if (record.events.size() > slots) throw sim::InternalError("more events than event slots");
  std::vector<std::int8_t> kind(slots, -1);
  std::vector<std::int32_t> week(slots, -1);
  std::vector<std::int32_t> actor(slots, -1);
  std::vector<std::int32_t> target(slots, -1);
  std::vector<double> value(slots, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < record.events.size(); ++i) {
    const auto& event = record.events[i];
    kind[i] = static_cast<std::int8_t>(event.type);
    week[i] = static_cast<std::int32_t>(event.week);
    actor[i] = event.actor;
    target[i] = event.target;
    value[i] = event.value;
  }
  file.write("event_kind", row, 1, std::span<const std::int8_t>(kind));
  file.write("event_week", row, 1, std::span<const std::int32_t>(week));
  file.write("event_actor", row, 1, std::span<const std::int32_t>(actor));
  file.write("event_target", row, 1, std::span<const std::int32_t>(target));
  file.write("event_value", row, 1, std::span<const double>(value));
}

}  // namespace seccoop::agents
