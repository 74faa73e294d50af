#include "agents/world/event_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "agents/world/name_lookup.hpp"
#include "sim/config/did_you_mean.hpp"

namespace seccoop::agents {

namespace {

constexpr sim::NumberRange kUnit{0.0, 1.0};
constexpr const char* kDefaultStriker = "DoD";

/// The index of a required name, or -1 (reported) when absent or unknown.
template <typename Find>
std::int64_t required_index(const sim::ConfigNode& node, std::string_view key, Find find) {
  const auto child = node.require(key);
  if (!child) return -1;
  const auto index = find(*child);
  return index ? static_cast<std::int64_t>(*index) : -1;
}

void read_capture(const sim::ConfigNode& node, const WorldDefinition& world,
                  ScheduledEvent& event) {
  node.check_keys({"type", "date", "week", "target", "by", "mode", "location", "leaders"});
  event.target =
      required_index(node, "target", [&](const auto& n) { return find_cartel(n, world); });
  const auto by = node.require("by");
  if (by) {
    const auto actor = find_actor(*by, world);
    event.actor = actor ? static_cast<std::int64_t>(*actor) : -1;
  }
  if (const auto mode = node.require("mode")) {
    const std::string name = mode->choice({"unilateral", "joint", "domestic"}, "");
    event.mode = name == "unilateral" ? OperationMode::unilateral
                 : name == "domestic" ? OperationMode::domestic
                                      : OperationMode::joint;
    if (name.empty()) event.target = -1;  // reported: mark the event unusable
  }
  if (const auto location = node.find("location")) {
    event.site = location->choice({"us_soil", "mx_soil"}, "mx_soil") == "us_soil"
                     ? OperationSite::us_soil
                     : OperationSite::mx_soil;
  }
  event.amount = 1.0;
  if (const auto leaders = node.find("leaders")) {
    event.amount = static_cast<double>(leaders->integer(1, {1, 1000}));
  }
  if (event.actor < 0) return;
  const ActorType type = world.actors[static_cast<std::size_t>(event.actor)].type;
  const auto wrong = [&](const char* expected) {
    by->report("wrong actor type", expected, fmt::format("'{}' ({})", by->text(), to_string(type)));
    event.actor = -1;
  };
  if (event.mode == OperationMode::unilateral && type != ActorType::us_agency) {
    wrong("a US agency (a unilateral capture is made by a US agency)");
  } else if (event.mode == OperationMode::domestic && type != ActorType::mx_body) {
    wrong("a Mexican body (a domestic capture is made by a Mexican body)");
  } else if (event.site == OperationSite::us_soil && type != ActorType::us_agency) {
    wrong("a US agency (only US agencies capture on US soil)");
  }
}

void read_strike(const sim::ConfigNode& node, const EventContext& context,
                 const WorldDefinition& world, ScheduledEvent& event) {
  node.check_keys({"type", "date", "week", "target", "by", "intensity", "every_weeks", "until"});
  event.mode = OperationMode::unilateral;
  event.site = OperationSite::mx_soil;
  event.target =
      required_index(node, "target", [&](const auto& n) { return find_cartel(n, world); });
  const auto by = world.actor_index(kDefaultStriker) ? node.find("by") : node.require("by");
  std::optional<std::uint32_t> actor = by ? find_actor_of_type(*by, world, ActorType::us_agency)
                                          : world.actor_index(kDefaultStriker);
  if (actor && !world.actors[*actor].can_strike) {
    const sim::ConfigNode& where = by ? *by : node;
    where.report("this actor cannot strike", "an actor with can_strike: true",
                 fmt::format("'{}' (can_strike: false)", world.actors[*actor].name));
    actor.reset();
  }
  event.actor = actor ? static_cast<std::int64_t>(*actor) : -1;
  event.amount = 1.0;
  if (const auto intensity = node.find("intensity"))
    event.amount = intensity->number(1.0, {1e-9, 1000});
  if (const auto every = node.find("every_weeks")) {
    event.repeat_every_weeks = static_cast<std::uint32_t>(every->integer(1, {1, 100000}));
  }
  if (const auto until = node.find("until")) {
    if (event.repeat_every_weeks == 0) {
      until->report("until needs every_weeks", "every_weeks: k with until", "until alone");
      event.target = -1;
    } else if (const auto week = read_week_value(*until, context)) {
      event.repeat_until_week = *week;
    } else {
      event.target = -1;
    }
  }
}

void read_seizure(const sim::ConfigNode& node, const WorldDefinition& world,
                  ScheduledEvent& event) {
  node.check_keys({"type", "date", "week", "by", "kg", "target"});
  event.actor = required_index(node, "by", [&](const auto& n) { return find_actor(n, world); });
  event.target =
      required_index(node, "target", [&](const auto& n) { return find_cartel(n, world); });
  if (const auto kg = node.require("kg")) event.amount = kg->number(0.0, {1e-9, 1e7});
  if (event.actor < 0) return;
  // A US agency seizes at or inside the border; a Mexican body in Mexico on its own.
  const bool us = world.actors[static_cast<std::size_t>(event.actor)].type == ActorType::us_agency;
  event.mode = us ? OperationMode::unilateral : OperationMode::domestic;
  event.site = us ? OperationSite::us_soil : OperationSite::mx_soil;
}

bool read_framework(const sim::ConfigNode& node, const WorldDefinition& world,
                    ScheduledEvent& event) {
  node.check_keys({"type", "date", "week", "members", "coordination"});
  bool ok = true;
  if (const auto level = node.require("coordination")) event.amount = level->number(0.0, kUnit);
  const auto members = node.require("members");
  if (!members) return false;
  if (members->is_scalar() && members->text() == "all") {
    for (std::size_t a = 0; a < world.actors.size(); ++a)
      event.members.push_back(static_cast<std::uint32_t>(a));
  } else {
    for (const auto& item : members->items()) {
      const auto actor = find_actor(item, world);
      if (!actor) {
        ok = false;
      } else if (std::find(event.members.begin(), event.members.end(), *actor) !=
                 event.members.end()) {
        item.report("member listed twice", "each actor once", "'" + item.text() + "'");
        ok = false;
      } else {
        event.members.push_back(*actor);
      }
    }
  }
  const auto has = [&](ActorType type) {
    return std::any_of(event.members.begin(), event.members.end(),
                       [&](std::uint32_t a) { return world.actors[a].type == type; });
  };
  if (ok && (!has(ActorType::us_agency) || !has(ActorType::mx_body))) {
    members->report("a framework is binational", "at least one us_agency and one mx_body",
                    fmt::format("{} members", event.members.size()));
    ok = false;
  }
  return ok;
}

bool read_set(const sim::ConfigNode& node, const sim::ParameterTable& table,
              ScheduledEvent& event) {
  node.check_keys({"type", "date", "week", "parameter", "value"});
  const auto path = node.require("parameter");
  const auto value = node.require("value");
  if (!path || !value) return false;
  const auto index = table.index_of(path->text());
  if (!index) {
    std::string message = "unknown parameter";
    const std::string suggestion = sim::closest_match(path->text(), table.paths());
    if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
    path->report(std::move(message), "a parameter path listed by 'seccoop params'",
                 "'" + path->text() + "'");
    return false;
  }
  const sim::ParameterSpec& spec = table.spec(*index);
  event.parameter = *index;
  const std::size_t problems = node.diagnostics().items().size();
  event.amount = spec.integer ? static_cast<double>(value->integer(0, spec.range))
                              : value->number(0.0, spec.range);
  return node.diagnostics().items().size() == problems;
}

}  // namespace

bool read_event_fields(const sim::ConfigNode& node, const EventContext& context,
                       ScheduledEvent& event) {
  const std::size_t problems = node.diagnostics().items().size();
  const bool needs_world = event.type == EventType::capture || event.type == EventType::strike ||
                           event.type == EventType::seizure || event.type == EventType::framework;
  if (needs_world && context.world == nullptr) {
    node.find("type")->report("this event needs a world",
                              "a scenario with `world:` (a `network:` "
                              "scenario has no state actors)",
                              "'" + to_string(event.type) + "'");
    return false;
  }
  bool ok = true;
  switch (event.type) {
    case EventType::capture:
      read_capture(node, *context.world, event);
      ok = event.target >= 0 && event.actor >= 0;
      break;
    case EventType::strike:
      read_strike(node, context, *context.world, event);
      ok = event.target >= 0 && event.actor >= 0;
      break;
    case EventType::seizure:
      read_seizure(node, *context.world, event);
      ok = event.target >= 0 && event.actor >= 0;
      break;
    case EventType::transfer:
      node.check_keys({"type", "date", "week", "count"});
      if (const auto count = node.require("count"))
        event.amount = static_cast<double>(count->integer(1, {1, 1e6}));
      break;
    case EventType::framework:
      ok = read_framework(node, *context.world, event);
      break;
    case EventType::tariff:
      node.check_keys({"type", "date", "week", "rate", "policy"});
      if (const auto rate = node.require("rate")) event.amount = rate->number(0.0, kUnit);
      if (const auto policy = node.find("policy")) {
        event.tariff_policy = policy->choice({"fixed", "conditional"}, "fixed") == "conditional"
                                  ? TariffPolicy::conditional
                                  : TariffPolicy::fixed;
      }
      break;
    case EventType::set:
      ok = read_set(node, *context.parameters, event);
      break;
    case EventType::split:  // logged by the model, never scheduled
      throw sim::InternalError("a split event cannot be read from a scenario");
  }
  return ok && node.diagnostics().items().size() == problems;
}

}  // namespace seccoop::agents
