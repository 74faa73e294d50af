#include "agents/world/relation_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "agents/network/cartel_network.hpp"
#include "agents/world/name_lookup.hpp"

namespace seccoop::agents {

namespace {

constexpr sim::NumberRange kEvidence{1e-6, 1e6};  // Beta parameters: pseudo-counts > 0

std::vector<std::uint32_t> actors_of_type(const WorldDefinition& world, ActorType type) {
  std::vector<std::uint32_t> indices;
  for (std::size_t a = 0; a < world.actors.size(); ++a) {
    if (world.actors[a].type == type) indices.push_back(static_cast<std::uint32_t>(a));
  }
  return indices;
}

/// The `alpha` and `beta` keys of a mapping (whose other keys the caller checks).
std::pair<double, double> read_alpha_beta(const sim::ConfigNode& node) {
  std::pair<double, double> prior{1.0, 1.0};
  if (const auto alpha = node.require("alpha")) prior.first = alpha->number(1.0, kEvidence);
  if (const auto beta = node.require("beta")) prior.second = beta->number(1.0, kEvidence);
  return prior;
}

/// A Beta prior {alpha, beta}; Beta(1, 1) (no evidence either way) when absent.
std::pair<double, double> read_prior(const sim::ConfigNode* node) {
  if (node == nullptr) return {1.0, 1.0};
  node->check_keys({"alpha", "beta"});
  return read_alpha_beta(*node);
}

void add_all_pairs(std::vector<TrustEdge>& edges, const std::vector<std::uint32_t>& from,
                   const std::vector<std::uint32_t>& to, std::pair<double, double> prior) {
  for (const auto a : from) {
    for (const auto b : to) {
      edges.push_back({.from = a, .to = b, .alpha = prior.first, .beta = prior.second});
    }
  }
}

}  // namespace

void read_cartel_pairs(const sim::ConfigNode& list, const WorldDefinition& world,
                       std::vector<CartelPair>& pairs) {
  const std::size_t first_new = pairs.size();
  for (const auto& item : list.items()) {
    const auto fields = item.items();
    if (fields.size() != 3) {
      if (item.is_sequence()) {
        item.report("wrong pair", "[cartel, cartel, weight]",
                    fmt::format("{} items", fields.size()));
      }
      continue;
    }
    const auto a = find_cartel(fields[0], world);
    const auto b = find_cartel(fields[1], world);
    const double weight = fields[2].number(0.0, {0.0, kMaxPairWeight});
    if (!a || !b) continue;
    if (*a == *b) {
      item.report("a cartel cannot be paired with itself", "two different cartels",
                  fmt::format("'{}' twice", world.cartels[*a].name));
      continue;
    }
    const CartelPair pair{.first = std::min(*a, *b), .second = std::max(*a, *b), .weight = weight};
    const auto same = [&pair](const CartelPair& other) {
      return other.first == pair.first && other.second == pair.second;
    };
    if (std::any_of(pairs.begin() + static_cast<std::ptrdiff_t>(first_new), pairs.end(), same)) {
      item.report("pair listed twice", "each pair once",
                  fmt::format("'{}' and '{}'", world.cartels[pair.first].name,
                              world.cartels[pair.second].name));
      continue;
    }
    pairs.push_back(pair);
  }
}

std::vector<TrustEdge> read_trust(const sim::ConfigNode* node, const WorldDefinition& world) {
  std::optional<sim::ConfigNode> us_to_mx;
  std::optional<sim::ConfigNode> mx_to_us;
  if (node != nullptr) {
    node->check_keys({"us_to_mx", "mx_to_us", "pairs"});
    us_to_mx = node->find("us_to_mx");
    mx_to_us = node->find("mx_to_us");
  }
  const auto us = actors_of_type(world, ActorType::us_agency);
  const auto mx = actors_of_type(world, ActorType::mx_body);
  std::vector<TrustEdge> edges;
  add_all_pairs(edges, us, mx, read_prior(us_to_mx ? &*us_to_mx : nullptr));
  add_all_pairs(edges, mx, us, read_prior(mx_to_us ? &*mx_to_us : nullptr));
  const auto pairs = node != nullptr ? node->find("pairs") : std::nullopt;
  if (!pairs) return edges;
  const std::size_t generated = edges.size();
  for (const auto& item : pairs->items()) {
    item.check_keys({"from", "to", "alpha", "beta"});
    const auto from_node = item.require("from");
    const auto to_node = item.require("to");
    const auto prior = read_alpha_beta(item);
    const auto from = from_node ? find_actor(*from_node, world) : std::nullopt;
    const auto to = to_node ? find_actor(*to_node, world) : std::nullopt;
    if (!from || !to) continue;
    if (*from == *to) {
      item.report("an actor cannot trust itself", "two different actors",
                  fmt::format("'{}' twice", world.actors[*from].name));
      continue;
    }
    const auto existing = std::find_if(edges.begin(), edges.end(), [&](const TrustEdge& edge) {
      return edge.from == *from && edge.to == *to;
    });
    if (existing != edges.end() &&
        existing - edges.begin() >= static_cast<std::ptrdiff_t>(generated)) {
      item.report("pair listed twice", "each directed pair once",
                  fmt::format("'{}' -> '{}'", world.actors[*from].name, world.actors[*to].name));
      continue;
    }
    const TrustEdge edge{.from = *from, .to = *to, .alpha = prior.first, .beta = prior.second};
    if (existing != edges.end()) {
      *existing = edge;
    } else {
      edges.push_back(edge);
    }
  }
  return edges;
}

std::vector<CoordinationEdge> read_coordination(const sim::ConfigNode* node,
                                                const WorldDefinition& world) {
  double level = 0.0;
  if (node != nullptr) {
    node->check_keys({"default", "pairs"});
    if (const auto fallback = node->find("default")) level = fallback->number(0.0, {0.0, 1.0});
  }
  std::vector<CoordinationEdge> edges;
  for (const auto us : actors_of_type(world, ActorType::us_agency)) {
    for (const auto mx : actors_of_type(world, ActorType::mx_body)) {
      edges.push_back({.us_actor = us, .mx_actor = mx, .level = level});
    }
  }
  const auto pairs = node != nullptr ? node->find("pairs") : std::nullopt;
  if (!pairs) return edges;
  std::vector<bool> overridden(edges.size(), false);
  for (const auto& item : pairs->items()) {
    item.check_keys({"us", "mx", "level"});
    const auto us_node = item.require("us");
    const auto mx_node = item.require("mx");
    const auto level_node = item.require("level");
    const auto us =
        us_node ? find_actor_of_type(*us_node, world, ActorType::us_agency) : std::nullopt;
    const auto mx =
        mx_node ? find_actor_of_type(*mx_node, world, ActorType::mx_body) : std::nullopt;
    const double value = level_node ? level_node->number(level, {0.0, 1.0}) : level;
    if (!us || !mx) continue;
    for (std::size_t e = 0; e < edges.size(); ++e) {
      if (edges[e].us_actor != *us || edges[e].mx_actor != *mx) continue;
      if (overridden[e]) {
        item.report("pair listed twice", "each pair once",
                    fmt::format("'{}' and '{}'", world.actors[*us].name, world.actors[*mx].name));
      }
      edges[e].level = value;
      overridden[e] = true;
    }
  }
  return edges;
}

}  // namespace seccoop::agents
