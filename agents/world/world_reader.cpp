#include "agents/world/world_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "agents/world/actor_reader.hpp"
#include "agents/world/cartel_reader.hpp"
#include "agents/world/cartel_tail.hpp"
#include "agents/world/region_reader.hpp"
#include "agents/world/relation_reader.hpp"

namespace seccoop::agents {

namespace {

constexpr double kShareTolerance = 1e-9;

/// Turns shares into members and returns the members left over for the tail.
double resolve_sizes(const sim::ConfigNode& root, std::vector<CartelEntry>& entries,
                     bool has_tail) {
  const auto total_node = root.find("total_members");
  const double total = total_node ? total_node->number(0.0, {1.0, 1e10}) : 0.0;
  double named = 0.0;
  for (auto& entry : entries) {
    if (entry.share) {
      if (!total_node) {
        entry.size_node->report("a share needs the world's total_members",
                                "total_members: cartel members at the start", "no total_members");
      }
      entry.cartel.initial_members = *entry.share * total;
    }
    named += entry.cartel.initial_members;
  }
  if (!total_node) {
    if (has_tail)
      root.report("the tail needs total_members", "total_members: members at the start");
    return 0.0;
  }
  const double rest = total - named;
  if (has_tail && rest <= 0.0) {
    total_node->report("the named cartels take every member, none is left for the tail",
                       "named shares (and members) summing to less than total_members",
                       fmt::format("named cartels with {:g} of {:g} members", named, total));
  } else if (!has_tail && std::abs(rest) > kShareTolerance * total) {
    total_node->report("without a tail the named cartels must hold all members",
                       "shares summing to 1 (or a tail)",
                       fmt::format("named cartels with {:g} of {:g} members", named, total));
  }
  return std::max(rest, 0.0);
}

void check_unique_names(const std::vector<CartelEntry>& entries, const WorldDefinition& world,
                        const std::vector<std::optional<sim::ConfigNode>>& actor_nodes) {
  std::set<std::string> names;
  for (const auto& cartel : world.cartels) names.insert(cartel.name);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& name = entries[i].cartel.name;
    const auto earlier = world.cartels.begin() + static_cast<std::ptrdiff_t>(i);
    const bool repeated = std::any_of(world.cartels.begin(), earlier,
                                      [&name](const auto& c) { return c.name == name; });
    if (repeated && entries[i].name_node) {
      entries[i].name_node->report("cartel name used twice", "a unique name", "'" + name + "'");
    }
    for (const auto& faction : entries[i].cartel.faction_names) {
      if (faction != name && names.contains(faction) && entries[i].name_node) {
        entries[i].name_node->report("faction named like another cartel", "a new name",
                                     "'" + faction + "'");
      }
    }
  }
  for (std::size_t a = 0; a < world.actors.size(); ++a) {
    const auto& name = world.actors[a].name;
    const auto earlier = world.actors.begin() + static_cast<std::ptrdiff_t>(a);
    const bool repeated = std::any_of(world.actors.begin(), earlier,
                                      [&name](const auto& x) { return x.name == name; });
    if ((repeated || names.contains(name)) && actor_nodes[a]) {
      actor_nodes[a]->report(repeated ? "actor name used twice" : "actor named like a cartel",
                             "a unique name", "'" + name + "'");
    }
  }
}

void check_fentanyl_shares(const sim::ConfigNode& cartels, const WorldDefinition& world) {
  double total = 0.0;
  for (const auto& cartel : world.cartels) total += cartel.fentanyl_share;
  if (total > 1.0 + kShareTolerance) {
    cartels.report("fentanyl shares add up to more than 1", "a sum <= 1 (tail included)",
                   fmt::format("{:g}", total));
  }
}

/// Reads rivalries or alliances written in the file, then adds the tail's own, skipping any
/// pair the file already lists.
void read_pairs(const sim::ConfigNode& root, std::string_view key, const WorldDefinition& world,
                std::vector<CartelPair>& pairs) {
  std::vector<CartelPair> generated = std::move(pairs);
  pairs.clear();
  if (const auto list = root.find(key)) read_cartel_pairs(*list, world, pairs);
  const std::size_t listed = pairs.size();
  for (const auto& pair : generated) {
    const bool known =
        std::any_of(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(listed),
                    [&pair](const CartelPair& other) {
                      return other.first == pair.first && other.second == pair.second;
                    });
    if (!known) pairs.push_back(pair);
  }
}

}  // namespace

WorldDefinition read_world(const sim::ConfigNode& root, const std::filesystem::path& file) {
  WorldDefinition world;
  root.check_keys({"schema_version", "description", "regions", "total_members", "cartels", "tail",
                   "rivalries", "alliances", "actors", "governments", "trust", "coordination"});
  if (const auto version = root.require("schema_version")) {
    version->integer(kWorldSchemaVersion, {kWorldSchemaVersion, kWorldSchemaVersion});
  }
  if (const auto description = root.find("description")) description->text();
  if (const auto regions = root.require("regions")) world.regions = read_regions(*regions, file);

  const auto cartels = root.require("cartels");
  std::vector<CartelEntry> entries;
  if (cartels) entries = read_cartels(*cartels, world.regions);
  const auto tail = root.find("tail");
  const double tail_members = resolve_sizes(root, entries, tail.has_value());
  for (const auto& entry : entries) world.cartels.push_back(entry.cartel);
  if (tail) add_tail(read_tail(*tail), tail_members, world);
  if (cartels && cartels->is_sequence() && world.cartels.empty() && !tail) {
    cartels->report("no cartels", "at least one cartel (or a tail of local groups)",
                    "an empty list");
  }

  std::vector<std::optional<sim::ConfigNode>> actor_nodes;
  bool actors_read = true;
  if (const auto actors = root.require("actors")) {
    for (const auto& item : actors->items()) {
      auto actor = read_actor(item);
      actors_read = actors_read && actor.has_value();
      if (!actor) continue;
      world.actors.push_back(std::move(*actor));
      actor_nodes.push_back(item.find("name"));
    }
  }
  check_unique_names(entries, world, actor_nodes);
  if (cartels) check_fentanyl_shares(*cartels, world);
  if (const auto governments = root.require("governments")) {
    read_governments(*governments, world.governments, true);
  }
  read_pairs(root, "rivalries", world, world.rivalries);
  read_pairs(root, "alliances", world, world.alliances);
  // An actor of unknown kind is missing from the list: every edge naming it would be reported
  // again, so the edges wait until the kind is fixed.
  if (!actors_read) return world;
  const auto trust = root.find("trust");
  world.trust = read_trust(trust ? &*trust : nullptr, world);
  const auto coordination = root.find("coordination");
  world.coordination = read_coordination(coordination ? &*coordination : nullptr, world);
  return world;
}

std::optional<WorldDefinition> read_world_file(const std::filesystem::path& file,
                                               sim::Diagnostics& diagnostics) {
  const auto document = sim::YamlDocument::load_file(file, diagnostics);
  const auto root = document.root();
  if (!root) return std::nullopt;
  return read_world(*root, file);
}

}  // namespace seccoop::agents
