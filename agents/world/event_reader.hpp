#pragma once
// Scenario events as written (`{date: 2024-07-25, type: capture, target: Sinaloa, ...}`),
// resolved against the scenario's calendar, world and parameter table into ScheduledEvents.
// Every problem names the file, line, key, what was expected and what was found.
#include <vector>

#include "agents/world/scheduled_event.hpp"
#include "agents/world/world_definition.hpp"
#include "sim/config/config_node.hpp"
#include "sim/config/parameters.hpp"
#include "sim/time/calendar.hpp"

namespace seccoop::agents {

/// What an event is resolved against.
struct EventContext {
  sim::Date start;
  int weeks = 0;                           // horizon: events fire in weeks 1..weeks
  const WorldDefinition* world = nullptr;  // null for a scenario built from a `network:`
  const sim::ParameterTable* parameters = nullptr;
};

/// The event types by their YAML names.
inline constexpr const char* kEventTypeNames[] = {"capture",   "strike", "seizure", "transfer",
                                                  "framework", "tariff", "set"};

/// One event; nullopt (after reporting) when it cannot be resolved.
std::optional<ScheduledEvent> read_event(const sim::ConfigNode& node, const EventContext& context);

/// A week given as a date or a week number (`until: 2025-06-30` or `until: 40`).
std::optional<std::uint32_t> read_week_value(const sim::ConfigNode& node,
                                             const EventContext& context);

/// The week (1-based) holding `date`, or the week number written: `date: 2024-07-25` or
/// `week: 9`. Reports a date or week outside the scenario's horizon.
std::optional<std::uint32_t> read_event_week(const sim::ConfigNode& node,
                                             const EventContext& context);

}  // namespace seccoop::agents
