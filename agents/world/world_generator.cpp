// Builds a synthetic world: regions, cartels with their presence, state actors and the trust
// and coordination edges between them. Rivalries and alliances are in generated_pairs.cpp.
// The rules, and why each range was chosen, are documented in docs/configuration.md.
#include "agents/world/world_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "agents/world/generated_pairs.hpp"
#include "sim/config/diagnostics.hpp"
#include "sim/random/distributions.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::agents {

namespace {

using detail::GeneratorPurpose;

// Populations are log-normal like Mexico's 2,470 municipalities (INEGI 2020: median about
// 14,000 people, mean about 51,000, hence sigma = sqrt(2 ln(51/14)) = 1.6).
constexpr double kMedianPopulation = 14000.0;
constexpr double kPopulationSigma = 1.6;
// One region in 20 borders the United States (between Mexico's 38 of 2,470 municipalities and
// 6 of 32 states); the first ones along the ring, so that they form one stretch.
constexpr std::uint64_t kRegionsPerBorderRegion = 20;

sim::RandomStream stream_for(const GeneratorSettings& settings, std::uint64_t entity,
                             GeneratorPurpose purpose) {
  return {{.master_seed = settings.seed}, {.entity = entity, .purpose = purpose}};
}

double uniform_in(sim::RandomStream& stream, double low, double high) {
  return low + (high - low) * stream.uniform_open01();
}

void add_neighbours(Regions& regions, std::uint32_t a, std::uint32_t b) {
  auto& of_a = regions.neighbours[a];
  if (a == b || std::find(of_a.begin(), of_a.end(), b) != of_a.end()) return;
  of_a.push_back(b);
  regions.neighbours[b].push_back(a);
}

/// Regions on a ring (each next to the one before and after it), plus one chord per region to
/// a region drawn uniformly (skipped when it is itself or already a neighbour): about four
/// neighbours each, and any region a few steps from any other, as on a map.
Regions generate_regions(const GeneratorSettings& settings) {
  const auto count = static_cast<std::uint32_t>(settings.regions);
  const std::size_t width = std::max<std::size_t>(4, fmt::format("{}", count).size());
  const std::uint64_t border_regions =
      (count + kRegionsPerBorderRegion - 1) / kRegionsPerBorderRegion;
  Regions regions;
  regions.neighbours.resize(count);
  for (std::uint32_t r = 0; r < count; ++r) {
    regions.codes.push_back(fmt::format("R{:0{}}", r + 1, width));
    regions.names.push_back(fmt::format("Region {}", r + 1));
    auto stream = stream_for(settings, r, detail::kRegionPopulationDraws);
    const double people =
        std::round(kMedianPopulation * std::exp(kPopulationSigma * sim::standard_normal(stream)));
    regions.population.push_back(std::max(people, 1.0));
    regions.borders_us.push_back(r < border_regions ? 1 : 0);
    if (count > 1) add_neighbours(regions, r, (r + 1) % count);
  }
  for (std::uint32_t r = 0; r < count; ++r) {
    auto stream = stream_for(settings, r, detail::kRegionChordDraws);
    const auto other =
        static_cast<std::uint32_t>(std::min<double>(stream.uniform_open01() * count, count - 1));
    add_neighbours(regions, r, other);
  }
  for (auto& neighbours : regions.neighbours) std::sort(neighbours.begin(), neighbours.end());
  return regions;
}

/// Whole members by rank^-1 (as the published model sizes its groups), at least one each,
/// summing exactly to the total: each cartel gets 1 plus the floor of its share of the rest,
/// and the members the floors leave go one each to the largest remainders (ties to the larger
/// cartel).
std::vector<double> members_by_rank(std::uint64_t cartels, std::uint64_t total) {
  double harmonic = 0.0;
  for (std::uint64_t k = 1; k <= cartels; ++k) harmonic += 1.0 / static_cast<double>(k);
  const auto rest = static_cast<double>(total - cartels);
  std::vector<double> members(cartels);
  std::vector<double> remainder(cartels);
  double assigned = 0.0;
  for (std::uint64_t k = 0; k < cartels; ++k) {
    const double exact = rest / (static_cast<double>(k + 1) * harmonic);
    members[k] = std::floor(exact);
    remainder[k] = exact - members[k];
    assigned += members[k];
  }
  // Rounding can make the floors exceed the rest by a member in extreme sizes: the largest
  // cartel gives it back, so the sum stays exact.
  members[0] -= std::max(0.0, assigned - rest);
  const auto left =
      static_cast<std::size_t>(std::clamp(rest - assigned, 0.0, static_cast<double>(cartels)));
  std::vector<std::uint32_t> order(cartels);
  std::iota(order.begin(), order.end(), 0U);
  const auto larger_remainder = [&remainder](std::uint32_t a, std::uint32_t b) {
    return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b;
  };
  const auto cut = order.begin() + static_cast<std::ptrdiff_t>(left);
  std::nth_element(order.begin(), cut, order.end(), larger_remainder);
  for (auto it = order.begin(); it != cut; ++it) members[*it] += 1.0;
  for (auto& size : members) size += 1.0;
  return members;
}

/// `count` distinct regions: the first drawn by population, each next one uniformly among the
/// regions next to those taken (a territory grows from its base); shares from a flat
/// Dirichlet (normalised exponential draws), first region first.
std::vector<Presence> generate_presence(const Regions& regions,
                                        const std::vector<double>& cumulative_population,
                                        std::uint64_t count, sim::RandomStream& stream,
                                        std::vector<std::uint64_t>& taken_by, std::uint64_t mark) {
  const double target = stream.uniform_open01() * cumulative_population.back();
  const auto base = static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(
      std::upper_bound(cumulative_population.begin(), cumulative_population.end(), target) -
          cumulative_population.begin(),
      static_cast<std::ptrdiff_t>(regions.size()) - 1));
  std::vector<std::uint32_t> chosen{base};
  std::vector<std::uint32_t> frontier;
  taken_by[base] = mark;
  for (;;) {
    for (const auto next : regions.neighbours[chosen.back()]) {
      if (taken_by[next] == mark) continue;
      taken_by[next] = mark;
      frontier.push_back(next);
    }
    if (chosen.size() == count) break;
    if (frontier.empty()) throw sim::InternalError("generated regions are not connected");
    const auto pick = static_cast<std::size_t>(
        std::min<double>(stream.uniform_open01() * static_cast<double>(frontier.size()),
                         static_cast<double>(frontier.size() - 1)));
    chosen.push_back(frontier[pick]);
    frontier[pick] = frontier.back();
    frontier.pop_back();
  }
  std::vector<Presence> presence;
  double total = 0.0;
  for (const auto region : chosen) {
    presence.push_back({.region = region, .share = -std::log(stream.uniform_open01())});
    total += presence.back().share;
  }
  for (auto& entry : presence) entry.share /= total;
  return presence;
}

std::vector<CartelDefinition> generate_cartels(const GeneratorSettings& settings,
                                               const Regions& regions) {
  const auto members = members_by_rank(settings.cartels, settings.total_members);
  double fentanyl_members = 0.0;
  for (std::uint64_t c = 0; c < settings.fentanyl_cartels; ++c) fentanyl_members += members[c];
  std::vector<double> cumulative_population(regions.size());
  std::partial_sum(regions.population.begin(), regions.population.end(),
                   cumulative_population.begin());
  std::vector<std::uint64_t> taken_by(regions.size(), 0);  // marks: which cartel looked last

  std::vector<CartelDefinition> cartels(settings.cartels);
  for (std::uint64_t c = 0; c < settings.cartels; ++c) {
    auto traits = stream_for(settings, c, detail::kCartelTraitDraws);
    auto placement = stream_for(settings, c, detail::kCartelPresenceDraws);
    cartels[c] = CartelDefinition{
        .name = fmt::format("G{}", c + 1),
        .initial_members = members[c],
        .cohesion = uniform_in(traits, 0.5, 1.0),
        .fentanyl_share = c < settings.fentanyl_cartels ? members[c] / fentanyl_members : 0.0,
        .corruption_reach = traits.uniform_open01(),
        .presence = generate_presence(regions, cumulative_population, settings.presence_per_cartel,
                                      placement, taken_by, c + 1)};
  }
  return cartels;
}

/// US agencies "US1".. then Mexican bodies "MX1..", with values drawn across the ranges of the
/// default world's actors (configs/world/mexico-2025.yaml). Only US1 can strike.
std::vector<StateActorDefinition> generate_actors(const GeneratorSettings& settings) {
  std::vector<StateActorDefinition> actors;
  const std::uint64_t count = settings.us_agencies + settings.mx_bodies;
  for (std::uint64_t a = 0; a < count; ++a) {
    auto stream = stream_for(settings, a, detail::kActorTraitDraws);
    const bool us = a < settings.us_agencies;
    StateActorDefinition actor{
        .name = us ? fmt::format("US{}", a + 1) : fmt::format("MX{}", a - settings.us_agencies + 1),
        .type = us ? ActorType::us_agency : ActorType::mx_body,
        .capability = uniform_in(stream, 1.0, 20.0),
        .collection_rate = uniform_in(stream, 0.01, 0.05),
        .initial_intel = uniform_in(stream, 0.05, 0.3),
        .border_share = uniform_in(stream, 0.0, us ? 0.5 : 0.1)};
    if (us) {
      actor.unilateral_propensity = uniform_in(stream, 0.0, 0.6);
      actor.can_strike = a == 0;
    } else {
      actor.integrity = uniform_in(stream, 0.3, 0.9);
      actor.sovereignty_sensitivity = uniform_in(stream, 0.5, 1.0);
    }
    actors.push_back(std::move(actor));
  }
  return actors;
}

/// Trust both ways and a coordination channel for every US-Mexican pair, in the order the
/// world reader lists them: Beta(alpha, beta) with alpha and beta in [1, 5] (a belief worth a
/// few observations either way), levels in [0.1, 0.45] (the default world's range).
void add_state_edges(const GeneratorSettings& settings, WorldDefinition& world) {
  const auto us_count = static_cast<std::uint32_t>(settings.us_agencies);
  const auto all = static_cast<std::uint32_t>(world.actors.size());
  const auto add_trust = [&](std::uint32_t from, std::uint32_t to) {
    auto stream = stream_for(settings, world.trust.size(), detail::kTrustDraws);
    const double alpha = uniform_in(stream, 1.0, 5.0);
    world.trust.push_back(
        {.from = from, .to = to, .alpha = alpha, .beta = uniform_in(stream, 1.0, 5.0)});
  };
  for (std::uint32_t us = 0; us < us_count; ++us) {
    for (std::uint32_t mx = us_count; mx < all; ++mx) add_trust(us, mx);
  }
  for (std::uint32_t mx = us_count; mx < all; ++mx) {
    for (std::uint32_t us = 0; us < us_count; ++us) add_trust(mx, us);
  }
  for (std::uint32_t us = 0; us < us_count; ++us) {
    for (std::uint32_t mx = us_count; mx < all; ++mx) {
      auto stream = stream_for(settings, world.coordination.size(), detail::kCoordinationDraws);
      world.coordination.push_back(
          {.us_actor = us, .mx_actor = mx, .level = uniform_in(stream, 0.1, 0.45)});
    }
  }
}

}  // namespace

std::shared_ptr<const WorldDefinition> generate_world(const GeneratorSettings& settings) {
  constexpr std::uint64_t kIndexLimit = std::numeric_limits<std::uint32_t>::max();
  if (settings.cartels > kIndexLimit || settings.regions > kIndexLimit || settings.cartels == 0 ||
      settings.regions == 0 || settings.total_members < settings.cartels ||
      settings.presence_per_cartel == 0 || settings.presence_per_cartel > settings.regions ||
      settings.fentanyl_cartels > settings.cartels ||
      settings.rivalries + settings.alliances > settings.cartels * (settings.cartels - 1) / 2) {
    throw sim::InternalError("generate_world: settings not validated");
  }
  auto world = std::make_shared<WorldDefinition>();
  world->regions = generate_regions(settings);
  world->cartels = generate_cartels(settings, world->regions);
  world->actors = generate_actors(settings);
  add_state_edges(settings, *world);
  detail::add_generated_pairs(settings, *world);
  return world;
}

}  // namespace seccoop::agents
