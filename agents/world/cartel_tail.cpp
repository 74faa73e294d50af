#include "agents/world/cartel_tail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <optional>

#include "agents/network/cartel_network.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::agents {

namespace {

constexpr sim::NumberRange kUnit{0.0, 1.0};
// Distinct stream purposes, so that placement and relations never share draws.
constexpr std::uint64_t kPlacementPurpose = 1;
constexpr std::uint64_t kRelationPurpose = 2;
constexpr double kPrimaryShare = 2.0 / 3.0;  // of a two-region group's activity

/// A region drawn with probability proportional to `weight` (uniform when all are zero).
std::uint32_t draw_weighted(const std::vector<std::uint32_t>& candidates,
                            const std::vector<double>& population, double uniform) {
  double total = 0.0;
  for (const auto region : candidates) total += population[region];
  if (total <= 0.0) {
    const auto pick = static_cast<std::size_t>(uniform * static_cast<double>(candidates.size()));
    return candidates[std::min(pick, candidates.size() - 1)];
  }
  double cumulative = 0.0;
  for (const auto region : candidates) {
    cumulative += population[region] / total;
    if (uniform < cumulative) return region;
  }
  return candidates.back();
}

std::vector<Presence> place_group(const Regions& regions, sim::RandomStream& stream) {
  std::vector<std::uint32_t> all(regions.size());
  std::iota(all.begin(), all.end(), 0U);
  const std::uint32_t primary = draw_weighted(all, regions.population, stream.uniform_open01());
  const bool two_regions = stream.uniform_open01() < 0.5;
  const double neighbour_draw = stream.uniform_open01();
  const auto& neighbours = regions.neighbours[primary];
  if (!two_regions || neighbours.empty()) return {{.region = primary, .share = 1.0}};
  const std::uint32_t secondary = draw_weighted(neighbours, regions.population, neighbour_draw);
  return {{.region = primary, .share = kPrimaryShare},
          {.region = secondary, .share = 1.0 - kPrimaryShare}};
}

/// A named cartel present in `region`, each equally likely: the group a local cell works for
/// or fights. None if no named cartel is present.
std::optional<std::uint32_t> draw_named(const WorldDefinition& world, std::size_t named,
                                        std::uint32_t region, double uniform) {
  std::vector<std::uint32_t> present;
  for (std::size_t c = 0; c < named; ++c) {
    for (const auto& presence : world.cartels[c].presence) {
      if (presence.region == region && presence.share > 0.0) {
        present.push_back(static_cast<std::uint32_t>(c));
        break;
      }
    }
  }
  if (present.empty()) return std::nullopt;
  const auto pick = static_cast<std::size_t>(uniform * static_cast<double>(present.size()));
  return present[std::min(pick, present.size() - 1)];
}

CartelPair pair_of(std::uint32_t a, std::uint32_t b, double weight) {
  return {.first = std::min(a, b), .second = std::max(a, b), .weight = weight};
}

}  // namespace

TailSpec read_tail(const sim::ConfigNode& node) {
  TailSpec spec;
  node.check_keys({"count", "seed", "cohesion", "corruption_reach", "fentanyl_share",
                   "rivalry_probability", "alliance_probability", "local_rivalry_probability",
                   "local_alliance_probability", "tie_weight"});
  if (const auto count = node.require("count")) {
    spec.count = static_cast<std::size_t>(count->integer(0, {0, 1e6}));
  }
  if (const auto seed = node.require("seed")) {
    spec.seed = static_cast<std::uint64_t>(seed->integer(0, {0, 9.2e18}));
  }
  const auto read_unit = [&node](std::string_view key, double& value) {
    if (const auto child = node.find(key)) value = child->number(value, kUnit);
  };
  read_unit("cohesion", spec.cohesion);
  read_unit("corruption_reach", spec.corruption_reach);
  read_unit("fentanyl_share", spec.fentanyl_share);
  read_unit("rivalry_probability", spec.rivalry_probability);
  read_unit("alliance_probability", spec.alliance_probability);
  read_unit("local_rivalry_probability", spec.local_rivalry_probability);
  read_unit("local_alliance_probability", spec.local_alliance_probability);
  if (const auto weight = node.find("tie_weight"))
    spec.tie_weight = weight->number(1.0, {0.0, kMaxPairWeight});
  if (spec.rivalry_probability + spec.alliance_probability > 1.0) {
    node.report("probabilities add up to more than 1",
                "rivalry_probability + alliance_probability <= 1");
  }
  if (spec.local_rivalry_probability + spec.local_alliance_probability > 1.0) {
    node.report("probabilities add up to more than 1",
                "local_rivalry_probability + local_alliance_probability <= 1");
  }
  return spec;
}

void add_tail(const TailSpec& spec, double members, WorldDefinition& world) {
  if (spec.count == 0 || world.regions.size() == 0) return;
  const std::size_t named = world.cartels.size();
  double rank_weight_total = 0.0;
  for (std::size_t i = 0; i < spec.count; ++i) {
    rank_weight_total += 1.0 / static_cast<double>(named + 1 + i);
  }
  std::vector<std::optional<std::uint32_t>> last_local_group(world.regions.size());
  for (std::size_t i = 0; i < spec.count; ++i) {
    const double size_share = (1.0 / static_cast<double>(named + 1 + i)) / rank_weight_total;
    const auto index = static_cast<std::uint32_t>(world.cartels.size());
    sim::RandomStream placement({.master_seed = spec.seed},
                                {.entity = i, .purpose = kPlacementPurpose});
    CartelDefinition group{.name = fmt::format("Local group {}", i + 1),
                           .initial_members = members * size_share,
                           .cohesion = spec.cohesion,
                           .fentanyl_share = spec.fentanyl_share * size_share,
                           .corruption_reach = spec.corruption_reach,
                           .presence = place_group(world.regions, placement)};
    const std::uint32_t home = group.presence.front().region;
    world.cartels.push_back(std::move(group));

    sim::RandomStream relations({.master_seed = spec.seed},
                                {.entity = i, .purpose = kRelationPurpose});
    const double tie = relations.uniform_open01();
    if (const auto major = draw_named(world, named, home, relations.uniform_open01())) {
      if (tie < spec.rivalry_probability) {
        world.rivalries.push_back(pair_of(index, *major, spec.tie_weight));
      } else if (tie < spec.rivalry_probability + spec.alliance_probability) {
        world.alliances.push_back(pair_of(index, *major, spec.tie_weight));
      }
    }
    if (last_local_group[home]) {
      const double local_tie = relations.uniform_open01();
      if (local_tie < spec.local_rivalry_probability) {
        world.rivalries.push_back(pair_of(index, *last_local_group[home], spec.tie_weight));
      } else if (local_tie < spec.local_rivalry_probability + spec.local_alliance_probability) {
        world.alliances.push_back(pair_of(index, *last_local_group[home], spec.tie_weight));
      }
    }
    last_local_group[home] = index;
  }
}

}  // namespace seccoop::agents
