#include "agents/world/world_definition.hpp"

namespace seccoop::agents {

namespace {

template <typename Item, typename Name>
std::optional<std::uint32_t> position_of(const std::vector<Item>& items, const std::string& wanted,
                                         Name name_of) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (name_of(items[i]) == wanted) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::uint32_t> Regions::index_of(const std::string& code) const {
  return position_of(codes, code, [](const std::string& item) { return item; });
}

std::optional<std::uint32_t> WorldDefinition::cartel_index(const std::string& name) const {
  return position_of(cartels, name, [](const CartelDefinition& cartel) { return cartel.name; });
}

std::optional<std::uint32_t> WorldDefinition::actor_index(const std::string& name) const {
  return position_of(actors, name, [](const StateActorDefinition& actor) { return actor.name; });
}

std::vector<std::string> WorldDefinition::cartel_names() const {
  std::vector<std::string> names;
  names.reserve(cartels.size());
  for (const auto& cartel : cartels) names.push_back(cartel.name);
  return names;
}

std::vector<std::string> WorldDefinition::actor_names() const {
  std::vector<std::string> names;
  names.reserve(actors.size());
  for (const auto& actor : actors) names.push_back(actor.name);
  return names;
}

std::string to_string(ActorType type) {
  return type == ActorType::us_agency ? "us_agency" : "mx_body";
}

}  // namespace seccoop::agents
