#include "agents/world/event_reader.hpp"

#include <fmt/format.h>

#include "agents/world/event_fields.hpp"

namespace seccoop::agents {

namespace {

std::string horizon_text(const EventContext& context) {
  return fmt::format("a date from {} to {} (weeks 1 to {})", context.start.iso(),
                     context.start.plus_days(7L * context.weeks - 1).iso(), context.weeks);
}

std::optional<std::uint32_t> week_of_date(const sim::ConfigNode& node, sim::Date date,
                                          const EventContext& context) {
  const long days = context.start.days_until(date);
  if (days < 0 || days >= 7L * context.weeks) {
    node.report(days < 0 ? "date before the scenario's start" : "date after the scenario's horizon",
                horizon_text(context), date.iso());
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(days / 7 + 1);
}

std::optional<std::uint32_t> week_number(const sim::ConfigNode& node, const EventContext& context) {
  const std::int64_t week = node.integer(0, {-1e15, 1e15});
  if (week == 0 && !(node.is_scalar() && node.text() == "0")) return std::nullopt;  // reported
  if (week < 1 || week > context.weeks) {
    node.report(week < 1 ? "week before the scenario's start" : "week after the scenario's horizon",
                fmt::format("a week in [1, {}]", context.weeks), fmt::format("{}", week));
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(week);
}

}  // namespace

std::optional<std::uint32_t> read_week_value(const sim::ConfigNode& node,
                                             const EventContext& context) {
  if (node.is_scalar()) {
    if (const auto date = sim::Date::parse_iso(node.text()))
      return week_of_date(node, *date, context);
  }
  return week_number(node, context);
}

std::optional<std::uint32_t> read_event_week(const sim::ConfigNode& node,
                                             const EventContext& context) {
  const auto date = node.find("date");
  const auto week = node.find("week");
  if (date && week) {
    week->report("give either date or week, not both", "one of date, week", "both");
    return std::nullopt;
  }
  if (week) return week_number(*week, context);
  if (!date) {
    node.report("missing required key: date or week",
                "date: YYYY-MM-DD or week: n (1-based; week 1 starts at the scenario's start)");
    return std::nullopt;
  }
  const auto parsed = sim::Date::parse_iso(date->text());
  if (!parsed) {
    date->report("not a calendar date", "an ISO date YYYY-MM-DD", "\"" + date->text() + "\"");
    return std::nullopt;
  }
  return week_of_date(*date, *parsed, context);
}

std::optional<ScheduledEvent> read_event(const sim::ConfigNode& node, const EventContext& context) {
  if (!node.expect_mapping()) return std::nullopt;
  const auto type_node = node.require("type");
  if (!type_node) return std::nullopt;
  const std::string type_name = type_node->choice(
      {"capture", "strike", "seizure", "transfer", "framework", "tariff", "set"}, "");
  if (type_name.empty()) return std::nullopt;
  ScheduledEvent event;
  for (std::size_t t = 0; t < std::size(kEventTypeNames); ++t) {
    if (type_name == kEventTypeNames[t]) event.type = static_cast<EventType>(t);
  }
  const auto location = node.location();
  event.source = fmt::format("{}:{}", location.file, location.line);
  const auto week = read_event_week(node, context);
  const bool fields_ok = read_event_fields(node, context, event);
  if (!week || !fields_ok) return std::nullopt;
  event.week = *week;
  if (event.repeat_every_weeks > 0 && event.repeat_until_week == 0) {
    event.repeat_until_week = static_cast<std::uint32_t>(context.weeks);
  }
  if (event.repeat_until_week != 0 && event.repeat_until_week < event.week) {
    node.find("until")->report("repeat ends before the event starts",
                               fmt::format("week {} or later", event.week),
                               fmt::format("week {}", event.repeat_until_week));
    return std::nullopt;
  }
  return event;
}

}  // namespace seccoop::agents
