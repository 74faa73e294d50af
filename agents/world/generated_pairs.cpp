#include "agents/world/generated_pairs.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "sim/random/random_stream.hpp"

namespace seccoop::agents::detail {

namespace {

// A partner is drawn among the cartels sharing a region with the first cartel this often, and
// among all cartels otherwise: conflicts and alliances are mostly local, yet some cross the
// country (the published network links groups of distant states too).
constexpr double kLocalPartnerProbability = 0.75;
// Weights follow P(w) proportional to 0.6^(w-1), capped at 13: the published network's weights
// run from 1 to 13 and are mostly 1-3 (mean 2.3 for rivalries, 2.0 for alliances; this law has
// mean 2.5).
constexpr double kWeightRatio = 0.6;
constexpr double kMaxWeight = 13.0;

double draw_weight(double uniform) {
  return std::min(1.0 + std::floor(std::log(uniform) / std::log(kWeightRatio)), kMaxWeight);
}

std::uint64_t index_below(double uniform, std::uint64_t count) {
  return std::min(static_cast<std::uint64_t>(uniform * static_cast<double>(count)), count - 1);
}

/// The pairs drawn so far as keys first * cartels + second, in an open-addressing table at most
/// half full: 16 bytes per pair and a constant number of probes per check, where a node-based
/// std::unordered_set would take several times the memory for a million pairs.
class PairSet {
 public:
  explicit PairSet(std::uint64_t expected) {
    std::uint64_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, kEmpty);
  }

  /// Adds `key`; false if it is already there.
  bool insert(std::uint64_t key) {
    const std::uint64_t mask = slots_.size() - 1;
    for (std::uint64_t slot = spread(key) & mask;; slot = (slot + 1) & mask) {
      if (slots_[slot] == key) return false;
      if (slots_[slot] == kEmpty) {
        slots_[slot] = key;
        return true;
      }
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // no key reaches it

  /// The splitmix64 finaliser: consecutive keys land in unrelated slots.
  static std::uint64_t spread(std::uint64_t x) {
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
  }

  std::vector<std::uint64_t> slots_;
};

/// The cartels present in each region, as one array cut by offsets.
struct CartelsByRegion {
  std::vector<std::uint64_t> offsets;  // region r holds cartels[offsets[r] .. offsets[r + 1])
  std::vector<std::uint32_t> cartels;
};

CartelsByRegion cartels_by_region(const WorldDefinition& world) {
  CartelsByRegion index;
  index.offsets.assign(world.regions.size() + 1, 0);
  for (const auto& cartel : world.cartels) {
    for (const auto& presence : cartel.presence) ++index.offsets[presence.region + 1];
  }
  std::partial_sum(index.offsets.begin(), index.offsets.end(), index.offsets.begin());
  index.cartels.resize(index.offsets.back());
  std::vector<std::uint64_t> cursor(index.offsets.begin(), index.offsets.end() - 1);
  for (std::size_t c = 0; c < world.cartels.size(); ++c) {
    for (const auto& presence : world.cartels[c].presence) {
      index.cartels[cursor[presence.region]++] = static_cast<std::uint32_t>(c);
    }
  }
  return index;
}

/// A region of `cartel` drawn by its presence shares.
std::uint32_t draw_region_of(const CartelDefinition& cartel, double uniform) {
  double cumulative = 0.0;
  for (const auto& presence : cartel.presence) {
    cumulative += presence.share;
    if (uniform < cumulative) return presence.region;
  }
  return cartel.presence.back().region;
}

/// Takes pairs in the order drawn: the first `rivalries` are rivalries, the rest alliances.
class PairSink {
 public:
  PairSink(const GeneratorSettings& settings, WorldDefinition& world)
      : rivalries_(settings.rivalries), world_(world) {
    world.rivalries.reserve(settings.rivalries);
    world.alliances.reserve(settings.alliances);
  }

  void add(std::uint64_t first, std::uint64_t second, double weight) {
    const CartelPair pair{.first = static_cast<std::uint32_t>(first),
                          .second = static_cast<std::uint32_t>(second),
                          .weight = weight};
    (world_.rivalries.size() < rivalries_ ? world_.rivalries : world_.alliances).push_back(pair);
  }

 private:
  std::uint64_t rivalries_;
  WorldDefinition& world_;
};

/// Fewer pairs than half of all: draw a cartel uniformly, then a partner (local or not), and
/// draw again when the pair is a self pair or taken. Each draw succeeds with probability at
/// least (1 - kLocalPartnerProbability) / 2, so the cost stays linear in the pairs.
void draw_sparse(const GeneratorSettings& settings, WorldDefinition& world, std::uint64_t wanted,
                 sim::RandomStream& stream) {
  const std::uint64_t cartels = settings.cartels;
  const CartelsByRegion by_region = cartels_by_region(world);
  PairSet taken(wanted);
  PairSink sink(settings, world);
  for (std::uint64_t drawn = 0; drawn < wanted;) {
    const std::uint64_t first = index_below(stream.uniform_open01(), cartels);
    const bool local = stream.uniform_open01() < kLocalPartnerProbability;
    std::uint64_t second = 0;
    if (local) {
      const std::uint32_t region = draw_region_of(world.cartels[first], stream.uniform_open01());
      const std::uint64_t begin = by_region.offsets[region];
      const std::uint64_t count = by_region.offsets[region + 1] - begin;
      second = by_region.cartels[begin + index_below(stream.uniform_open01(), count)];
    } else {
      second = index_below(stream.uniform_open01(), cartels);
    }
    if (first == second) continue;
    const auto [low, high] = std::minmax(first, second);
    if (!taken.insert(low * cartels + high)) continue;
    sink.add(low, high, draw_weight(stream.uniform_open01()));
    ++drawn;
  }
}

/// Half of all pairs or more: list every pair (no more than twice the pairs wanted) and take
/// a uniformly random selection of them by a partial Fisher-Yates shuffle. At this density
/// nearly every two cartels sharing a region are tied anyway.
void draw_dense(const GeneratorSettings& settings, WorldDefinition& world, std::uint64_t wanted,
                sim::RandomStream& stream) {
  const std::uint64_t cartels = settings.cartels;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> all;
  all.reserve(cartels * (cartels - 1) / 2);
  for (std::uint32_t first = 0; first < cartels; ++first) {
    for (std::uint32_t second = first + 1; second < cartels; ++second) {
      all.emplace_back(first, second);
    }
  }
  PairSink sink(settings, world);
  for (std::uint64_t i = 0; i < wanted; ++i) {
    const std::uint64_t pick = i + index_below(stream.uniform_open01(), all.size() - i);
    std::swap(all[i], all[pick]);
    sink.add(all[i].first, all[i].second, draw_weight(stream.uniform_open01()));
  }
}

}  // namespace

void add_generated_pairs(const GeneratorSettings& settings, WorldDefinition& world) {
  const std::uint64_t wanted = settings.rivalries + settings.alliances;
  if (wanted == 0) return;
  const std::uint64_t all_pairs = settings.cartels * (settings.cartels - 1) / 2;
  sim::RandomStream stream({.master_seed = settings.seed}, {.purpose = kPairDraws});
  if (2 * wanted <= all_pairs) {
    draw_sparse(settings, world, wanted, stream);
  } else {
    draw_dense(settings, world, wanted, stream);
  }
}

}  // namespace seccoop::agents::detail
