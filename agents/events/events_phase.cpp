// Phase 1, scheduled events (MODEL.md section 7): causes the scenario sets. What follows from
// them is left to the other phases.
#include <algorithm>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

bool fires_this_week(const ScheduledEvent& event, std::uint64_t week) {
  if (week == event.week) return true;
  if (event.repeat_every_weeks == 0 || week < event.week) return false;
  if (event.repeat_until_week != 0 && week > event.repeat_until_week) return false;
  return (week - event.week) % event.repeat_every_weeks == 0;
}

void log_event(RunState& s, const ScheduledEvent& event, double value) {
  s.events.push_back(EventRow{.week = static_cast<std::uint32_t>(s.week),
                              .type = event.type,
                              .actor = static_cast<std::int32_t>(event.actor),
                              .target = static_cast<std::int32_t>(event.target),
                              .value = value});
}

void capture(RunState& s, const ScheduledEvent& event) {
  const auto cartel = static_cast<std::size_t>(event.target);
  const double contained = event.mode == OperationMode::joint ? 1.0 : 0.0;
  apply_leader_captures(s, cartel, event.amount, contained);
  s.tally.arrests[cartel] += event.amount;
  if (event.mode != OperationMode::unilateral) return;
  const OperationsParameters& p = s.parameters.operations;
  s.tally.sovereignty_shock +=
      event.amount * (event.site == OperationSite::us_soil ? p.capture_shock : p.strike_shock);
}

void seizure(RunState& s, const ScheduledEvent& event) {
  const auto cartel = static_cast<std::size_t>(event.target);
  s.tally.seized_mx_kg[cartel] += event.amount;
  if (event.actor >= 0)
    s.tally.seized_by_actor_kg[static_cast<std::size_t>(event.actor)] += event.amount;
}

void framework(RunState& s, const ScheduledEvent& event) {
  for (const std::uint32_t member : event.members) s.actors.in_framework[member] = 1;
  s.policy.framework_level = event.amount;
}

void tariff(RunState& s, const ScheduledEvent& event) {
  s.policy.tariff_policy_set = event.amount > 0.0;
  s.policy.tariff_max_rate = event.amount;
  s.policy.tariff_policy = event.tariff_policy;
}

void set_parameter(RunState& s, const ScheduledEvent& event) {
  s.parameter_values.set(event.parameter, event.amount);
  s.reload_parameters();
}

}  // namespace

void run_events_phase(RunState& s) {
  const auto& events = s.world->scenario->events;
  for (std::size_t index = 0; index < events.size(); ++index) {
    const ScheduledEvent& event = events[index];
    if (!fires_this_week(event, s.week)) continue;
    switch (event.type) {
      case EventType::capture:
        capture(s, event);
        break;
      case EventType::strike:
        apply_strikes(s, static_cast<std::size_t>(event.target), event.amount,
                      Striker::scheduled_event(index));
        break;
      case EventType::seizure:
        seizure(s, event);
        break;
      case EventType::transfer:
        s.tally.transfers += event.amount;
        break;
      case EventType::framework:
        framework(s, event);
        break;
      case EventType::tariff:
        tariff(s, event);
        break;
      case EventType::set:
        set_parameter(s, event);
        break;
      case EventType::split:
        throw sim::InternalError("a split cannot be scheduled");
    }
    log_event(s, event, event.amount);
  }
}

}  // namespace seccoop::agents
