#include "agents/world/cartel_reader.hpp"

#include <fmt/format.h>

#include <cmath>

#include "agents/world/name_lookup.hpp"

namespace seccoop::agents {

namespace {

constexpr sim::NumberRange kUnit{0.0, 1.0};
constexpr double kAlreadyNormalised = 1e-12;

void read_size(const sim::ConfigNode& node, CartelEntry& entry) {
  const auto share = node.find("share");
  const auto members = node.find("members");
  if (share && members) {
    members->report("give either share or members, not both", "one of share, members", "both");
  } else if (!share && !members) {
    node.report("missing required key: share or members",
                "share (of total_members, in (0, 1)) or members (>= 0)");
  }
  if (share) {
    entry.share = share->number(0.0, {0.0, 1.0});
    entry.size_node = share;
  } else if (members) {
    entry.cartel.initial_members = members->number(0.0, {0.0, 1e9});
    entry.size_node = members;
  }
}

std::vector<std::string> read_factions(const sim::ConfigNode& node) {
  std::vector<std::string> names;
  for (const auto& item : node.items()) names.push_back(item.text());
  if (node.is_sequence() &&
      (names.size() != 2 || names[0] == names[1] || names[0].empty() || names[1].empty())) {
    node.report("wrong factions", "two different names (the parent keeps the first)",
                fmt::format("{} names", names.size()));
    return {};
  }
  return names;
}

CartelEntry read_cartel(const sim::ConfigNode& node, const Regions& regions) {
  CartelEntry entry;
  CartelDefinition& cartel = entry.cartel;
  node.check_keys({"name", "share", "members", "fentanyl_share", "cohesion", "corruption_reach",
                   "presence", "factions"});
  if (const auto name = node.require("name")) {
    cartel.name = name->text();
    entry.name_node = name;
  }
  read_size(node, entry);
  if (const auto share = node.find("fentanyl_share")) {
    cartel.fentanyl_share = share->number(0.0, kUnit);
  }
  if (const auto cohesion = node.find("cohesion")) cartel.cohesion = cohesion->number(1.0, kUnit);
  if (const auto reach = node.find("corruption_reach")) {
    cartel.corruption_reach = reach->number(0.0, kUnit);
  }
  if (const auto presence = node.require("presence")) {
    cartel.presence = read_presence(*presence, regions);
  }
  if (const auto factions = node.find("factions")) cartel.faction_names = read_factions(*factions);
  return entry;
}

}  // namespace

std::vector<Presence> read_presence(const sim::ConfigNode& node, const Regions& regions) {
  std::vector<Presence> presence;
  double total = 0.0;
  bool all_known = true;
  for (const auto& [code, weight] : keyed_entries(node)) {
    const auto region = lookup_name(code, regions.codes, "region");
    const double value = weight.number(0.0, {0.0, 1e9});
    all_known = all_known && region.has_value();
    if (!region) continue;
    for (const auto& earlier : presence) {
      if (earlier.region == *region) code.report("region listed twice", "each region once");
    }
    presence.push_back(Presence{.region = *region, .share = value});
    total += value;
  }
  if (node.is_mapping() && all_known && total <= 0.0) {
    node.report("no presence", "a share > 0 in at least one region", "none");
    return presence;
  }
  if (std::abs(total - 1.0) > kAlreadyNormalised) {
    for (auto& item : presence) item.share /= total;
  }
  return presence;
}

std::vector<CartelEntry> read_cartels(const sim::ConfigNode& list, const Regions& regions) {
  std::vector<CartelEntry> entries;
  for (const auto& item : list.items()) {
    if (!item.expect_mapping()) continue;
    entries.push_back(read_cartel(item, regions));
  }
  return entries;
}

}  // namespace seccoop::agents
