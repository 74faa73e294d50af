#include "agents/world/resolved_world.hpp"

#include <fmt/format.h>

#include "agents/world/world_reader.hpp"
#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

namespace {

/// Doubles in their shortest form that reads back to the same bits ("0.7", not
/// "0.69999999999999996").
struct Exact {
  double value;
};

YAML::Emitter& operator<<(YAML::Emitter& out, Exact number) {
  return out << fmt::format("{}", number.value);
}

void emit_regions(YAML::Emitter& out, const Regions& regions) {
  out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "code" << YAML::Value << regions.codes[r];
    out << YAML::Key << "name" << YAML::Value << regions.names[r];
    out << YAML::Key << "population" << YAML::Value << Exact{regions.population[r]};
    out << YAML::Key << "borders_us" << YAML::Value << (regions.borders_us[r] != 0);
    out << YAML::Key << "neighbours" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto neighbour : regions.neighbours[r]) out << regions.codes[neighbour];
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_cartels(YAML::Emitter& out, const WorldDefinition& world) {
  out << YAML::Key << "cartels" << YAML::Value << YAML::BeginSeq;
  for (const auto& cartel : world.cartels) {
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << cartel.name;
    out << YAML::Key << "members" << YAML::Value << Exact{cartel.initial_members};
    out << YAML::Key << "fentanyl_share" << YAML::Value << Exact{cartel.fentanyl_share};
    out << YAML::Key << "cohesion" << YAML::Value << Exact{cartel.cohesion};
    out << YAML::Key << "corruption_reach" << YAML::Value << Exact{cartel.corruption_reach};
    out << YAML::Key << "presence" << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const auto& presence : cartel.presence) {
      out << YAML::Key << world.regions.codes[presence.region] << YAML::Value
          << Exact{presence.share};
    }
    out << YAML::EndMap;
    if (!cartel.faction_names.empty()) {
      out << YAML::Key << "factions" << YAML::Value << YAML::Flow << cartel.faction_names;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_pairs(YAML::Emitter& out, const char* key, const std::vector<CartelPair>& pairs,
                const WorldDefinition& world) {
  out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (const auto& pair : pairs) {
    out << YAML::Flow << YAML::BeginSeq << world.cartels[pair.first].name
        << world.cartels[pair.second].name << Exact{pair.weight} << YAML::EndSeq;
  }
  out << YAML::EndSeq;
}

void emit_actors(YAML::Emitter& out, const std::vector<StateActorDefinition>& actors) {
  out << YAML::Key << "actors" << YAML::Value << YAML::BeginSeq;
  for (const auto& actor : actors) {
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << actor.name;
    out << YAML::Key << "type" << YAML::Value << to_string(actor.type);
    out << YAML::Key << "capability" << YAML::Value << Exact{actor.capability};
    out << YAML::Key << "collection_rate" << YAML::Value << Exact{actor.collection_rate};
    out << YAML::Key << "initial_intel" << YAML::Value << Exact{actor.initial_intel};
    out << YAML::Key << "border_share" << YAML::Value << Exact{actor.border_share};
    if (actor.type == ActorType::us_agency) {
      out << YAML::Key << "unilateral_propensity" << YAML::Value
          << Exact{actor.unilateral_propensity};
      out << YAML::Key << "can_strike" << YAML::Value << actor.can_strike;
    } else {
      out << YAML::Key << "integrity" << YAML::Value << Exact{actor.integrity};
      out << YAML::Key << "sovereignty_sensitivity" << YAML::Value
          << Exact{actor.sovereignty_sensitivity};
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_relations(YAML::Emitter& out, const WorldDefinition& world) {
  out << YAML::Key << "governments" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
      << "us_pressure" << YAML::Value << Exact{world.governments.us_pressure} << YAML::Key
      << "mx_stance" << YAML::Value << Exact{world.governments.mx_stance} << YAML::EndMap;
  // Every edge is listed, so the generated defaults (Beta(1, 1), level 0) are all overridden.
  out << YAML::Key << "trust" << YAML::Value << YAML::BeginMap << YAML::Key << "pairs"
      << YAML::Value << YAML::BeginSeq;
  for (const auto& edge : world.trust) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value
        << world.actors[edge.from].name << YAML::Key << "to" << YAML::Value
        << world.actors[edge.to].name << YAML::Key << "alpha" << YAML::Value << Exact{edge.alpha}
        << YAML::Key << "beta" << YAML::Value << Exact{edge.beta} << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  out << YAML::Key << "coordination" << YAML::Value << YAML::BeginMap << YAML::Key << "pairs"
      << YAML::Value << YAML::BeginSeq;
  for (const auto& edge : world.coordination) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "us" << YAML::Value
        << world.actors[edge.us_actor].name << YAML::Key << "mx" << YAML::Value
        << world.actors[edge.mx_actor].name << YAML::Key << "level" << YAML::Value
        << Exact{edge.level} << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
}

void emit_event_fields(YAML::Emitter& out, const ScheduledEvent& event,
                       const WorldDefinition* world, const sim::ParameterTable& parameters) {
  const auto cartel = [&]() -> const std::string& {
    return world->cartels.at(static_cast<std::size_t>(event.target)).name;
  };
  const auto actor = [&]() -> const std::string& {
    return world->actors.at(static_cast<std::size_t>(event.actor)).name;
  };
  const auto whole = [](double value) { return static_cast<long long>(value); };
  switch (event.type) {
    case EventType::capture:
      out << YAML::Key << "target" << YAML::Value << cartel() << YAML::Key << "by" << YAML::Value
          << actor() << YAML::Key << "mode" << YAML::Value << to_string(event.mode) << YAML::Key
          << "location" << YAML::Value << to_string(event.site) << YAML::Key << "leaders"
          << YAML::Value << whole(event.amount);
      break;
    case EventType::strike:
      out << YAML::Key << "target" << YAML::Value << cartel() << YAML::Key << "by" << YAML::Value
          << actor() << YAML::Key << "intensity" << YAML::Value << Exact{event.amount};
      if (event.repeat_every_weeks > 0) {
        out << YAML::Key << "every_weeks" << YAML::Value << event.repeat_every_weeks << YAML::Key
            << "until" << YAML::Value << event.repeat_until_week;
      }
      break;
    case EventType::seizure:
      out << YAML::Key << "by" << YAML::Value << actor() << YAML::Key << "kg" << YAML::Value
          << Exact{event.amount} << YAML::Key << "target" << YAML::Value << cartel();
      break;
    case EventType::transfer:
      out << YAML::Key << "count" << YAML::Value << whole(event.amount);
      break;
    case EventType::framework:
      out << YAML::Key << "members" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const auto member : event.members) out << world->actors.at(member).name;
      out << YAML::EndSeq << YAML::Key << "coordination" << YAML::Value << Exact{event.amount};
      break;
    case EventType::tariff:
      out << YAML::Key << "rate" << YAML::Value << Exact{event.amount} << YAML::Key << "policy"
          << YAML::Value << to_string(event.tariff_policy);
      break;
    case EventType::set: {
      const sim::ParameterSpec& spec = parameters.spec(event.parameter);
      out << YAML::Key << "parameter" << YAML::Value << spec.path << YAML::Key << "value"
          << YAML::Value;
      if (spec.integer) {
        out << whole(event.amount);
      } else {
        out << Exact{event.amount};
      }
      break;
    }
    case EventType::split:  // logged by the model, never scheduled
      throw sim::InternalError("a split event in a scenario's schedule");
  }
}

}  // namespace

void emit_events(YAML::Emitter& out, const std::vector<ScheduledEvent>& events,
                 const WorldDefinition* world, const sim::ParameterTable& parameters) {
  out << YAML::BeginSeq;
  for (const auto& event : events) {
    const bool names_agents = event.target >= 0 || event.actor >= 0 || !event.members.empty();
    if (names_agents && world == nullptr) {
      throw sim::InternalError("an event names agents but the scenario has no world");
    }
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "week" << YAML::Value << event.week
        << YAML::Key << "type" << YAML::Value << to_string(event.type);
    emit_event_fields(out, event, world, parameters);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_world(YAML::Emitter& out, const WorldDefinition& world) {
  out << YAML::BeginMap;
  out << YAML::Key << "schema_version" << YAML::Value << kWorldSchemaVersion;
  emit_regions(out, world.regions);
  emit_cartels(out, world);
  emit_pairs(out, "rivalries", world.rivalries, world);
  emit_pairs(out, "alliances", world.alliances, world);
  emit_actors(out, world.actors);
  emit_relations(out, world);
  out << YAML::EndMap;
}

}  // namespace seccoop::agents
