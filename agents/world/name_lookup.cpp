#include "agents/world/name_lookup.hpp"

#include <fmt/format.h>

#include "sim/config/did_you_mean.hpp"

namespace seccoop::agents {

std::vector<std::pair<sim::ConfigNode, sim::ConfigNode>> keyed_entries(
    const sim::ConfigNode& mapping) {
  const auto values = mapping.entries();
  std::vector<std::pair<sim::ConfigNode, sim::ConfigNode>> result;
  if (values.empty()) return result;
  const auto file = std::make_shared<const std::string>(mapping.file());
  std::size_t index = 0;
  for (const auto& entry : mapping.yaml()) {
    const sim::ConfigNode& value = values[index++].second;
    result.emplace_back(
        sim::ConfigNode(entry.first, value.key_path(), file, &mapping.diagnostics()), value);
  }
  return result;
}

std::optional<std::uint32_t> lookup_name(const sim::ConfigNode& node,
                                         const std::vector<std::string>& names,
                                         std::string_view what) {
  if (!node.is_scalar()) {
    node.text();  // reports the wrong type
    return std::nullopt;
  }
  const std::string name = node.text();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<std::uint32_t>(i);
  }
  std::string message = fmt::format("unknown {}", what);
  const std::string suggestion = sim::closest_match(name, names);
  if (!suggestion.empty()) message += fmt::format(" (did you mean '{}'?)", suggestion);
  node.report(std::move(message), fmt::format("the name of a {} of the world", what),
              fmt::format("'{}'", name));
  return std::nullopt;
}

std::optional<std::uint32_t> find_cartel(const sim::ConfigNode& node,
                                         const WorldDefinition& world) {
  if (node.is_scalar()) {
    if (const auto cartel = world.cartel_index(node.text())) return cartel;
    if (const auto actor = world.actor_index(node.text())) {
      node.report(
          "wrong actor type", "a cartel",
          fmt::format("state actor '{}' ({})", node.text(), to_string(world.actors[*actor].type)));
      return std::nullopt;
    }
  }
  return lookup_name(node, world.cartel_names(), "cartel");
}

std::optional<std::uint32_t> find_actor(const sim::ConfigNode& node, const WorldDefinition& world) {
  if (node.is_scalar()) {
    if (const auto actor = world.actor_index(node.text())) return actor;
    if (world.cartel_index(node.text())) {
      node.report("wrong actor type", "a state actor (us_agency or mx_body)",
                  fmt::format("cartel '{}'", node.text()));
      return std::nullopt;
    }
  }
  return lookup_name(node, world.actor_names(), "state actor");
}

std::optional<std::uint32_t> find_actor_of_type(const sim::ConfigNode& node,
                                                const WorldDefinition& world, ActorType type) {
  const auto actor = find_actor(node, world);
  if (!actor || world.actors[*actor].type == type) return actor;
  node.report("wrong actor type", fmt::format("a state actor of type {}", to_string(type)),
              fmt::format("'{}' ({})", node.text(), to_string(world.actors[*actor].type)));
  return std::nullopt;
}

}  // namespace seccoop::agents
