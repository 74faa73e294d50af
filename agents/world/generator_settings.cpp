// Reading and writing a scenario's `generator:` block (the world itself is built in
// world_generator.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string_view>

#include "agents/world/world_generator.hpp"

namespace seccoop::agents {

namespace {

// Upper bounds keep a typo (an extra zero or three) from asking for more memory than a machine
// has: a million cartels or regions and ten million edges of each kind are far beyond the
// scale runs of MODEL.md section 9.
constexpr double kMaxCartels = 1e6;
constexpr double kMaxRegions = 1e6;
constexpr double kMaxMembers = 1e10;
constexpr double kMaxPresence = 1e3;
constexpr double kMaxPairs = 1e7;
constexpr double kMaxActorsOfAKind = 100;
constexpr std::uint64_t kDefaultFentanylCartels = 20;

/// A whole number in `range`: `fallback` when absent (or reported as missing when required),
/// nullopt when the value was reported.
std::optional<std::uint64_t> read_count(const sim::ConfigNode& block, std::string_view key,
                                        std::optional<std::uint64_t> fallback,
                                        sim::NumberRange range) {
  const auto node = fallback ? block.find(key) : block.require(key);
  if (!node) return fallback;
  const std::size_t problems_before = block.diagnostics().items().size();
  const std::int64_t value = node->integer(0, range);
  if (block.diagnostics().items().size() != problems_before) return std::nullopt;
  return static_cast<std::uint64_t>(value);
}

/// Reports at `key` (or at the block if the key is absent) that a size does not fit another.
void report_misfit(const sim::ConfigNode& block, std::string_view key, std::string message,
                   std::string expected, std::uint64_t found) {
  const auto node = block.find(key);
  (node ? *node : block).report(std::move(message), std::move(expected), fmt::format("{}", found));
}

/// Checks the sizes that depend on one another; false when anything was reported.
bool check_sizes_fit(const sim::ConfigNode& block, const GeneratorSettings& settings) {
  bool fit = true;
  const std::uint64_t pairs = settings.cartels * (settings.cartels - 1) / 2;
  if (settings.total_members < settings.cartels) {
    report_misfit(block, "total_members", "fewer members than cartels",
                  fmt::format("at least one member per cartel (>= {})", settings.cartels),
                  settings.total_members);
    fit = false;
  }
  if (settings.presence_per_cartel > settings.regions) {
    report_misfit(block, "presence_per_cartel", "more regions per cartel than regions",
                  fmt::format("at most regions ({})", settings.regions),
                  settings.presence_per_cartel);
    fit = false;
  }
  if (settings.rivalries > pairs) {
    report_misfit(block, "rivalries", "more rivalries than pairs of cartels",
                  fmt::format("at most cartels*(cartels-1)/2 = {}", pairs), settings.rivalries);
    fit = false;
  } else if (settings.rivalries + settings.alliances > pairs) {
    report_misfit(block, "alliances", "rivalries and alliances exceed the pairs of cartels",
                  fmt::format("at most {} (a pair is a rivalry or an alliance, not both)",
                              pairs - settings.rivalries),
                  settings.alliances);
    fit = false;
  }
  if (settings.fentanyl_cartels > settings.cartels) {
    report_misfit(block, "fentanyl_cartels", "more fentanyl cartels than cartels",
                  fmt::format("at most cartels ({})", settings.cartels), settings.fentanyl_cartels);
    fit = false;
  }
  return fit;
}

}  // namespace

std::optional<GeneratorSettings> read_generator_settings(const sim::ConfigNode& node) {
  const bool known_keys =
      node.check_keys({"seed", "cartels", "total_members", "regions", "presence_per_cartel",
                       "rivalries", "alliances", "us_agencies", "mx_bodies", "fentanyl_cartels"});
  if (!node.is_mapping()) return std::nullopt;
  const GeneratorSettings defaults;
  constexpr auto kRequired = std::nullopt;
  const auto seed = read_count(node, "seed", kRequired,
                               {0, static_cast<double>(std::numeric_limits<std::int64_t>::max())});
  const auto cartels = read_count(node, "cartels", kRequired, {1, kMaxCartels});
  const auto members = read_count(node, "total_members", kRequired, {1, kMaxMembers});
  const auto regions = read_count(node, "regions", kRequired, {1, kMaxRegions});
  const auto presence =
      read_count(node, "presence_per_cartel", defaults.presence_per_cartel, {1, kMaxPresence});
  const auto rivalries = read_count(node, "rivalries", kRequired, {0, kMaxPairs});
  const auto alliances = read_count(node, "alliances", kRequired, {0, kMaxPairs});
  const auto us = read_count(node, "us_agencies", defaults.us_agencies, {0, kMaxActorsOfAKind});
  const auto mx = read_count(node, "mx_bodies", defaults.mx_bodies, {0, kMaxActorsOfAKind});
  const std::uint64_t fentanyl_default = std::min(kDefaultFentanylCartels, cartels.value_or(1));
  const auto fentanyl = read_count(node, "fentanyl_cartels", fentanyl_default, {0, kMaxCartels});
  if (!seed || !cartels || !members || !regions || !presence || !rivalries || !alliances || !us ||
      !mx || !fentanyl) {
    return std::nullopt;
  }
  const GeneratorSettings settings{.seed = *seed,
                                   .cartels = *cartels,
                                   .total_members = *members,
                                   .regions = *regions,
                                   .presence_per_cartel = *presence,
                                   .rivalries = *rivalries,
                                   .alliances = *alliances,
                                   .us_agencies = *us,
                                   .mx_bodies = *mx,
                                   .fentanyl_cartels = *fentanyl};
  // Sizes are checked against each other even with an unknown key, so that one pass reports
  // every problem; the block is used only when it is clean.
  if (!check_sizes_fit(node, settings) || !known_keys) return std::nullopt;
  return settings;
}

void emit_generator_settings(YAML::Emitter& out, const GeneratorSettings& settings) {
  out << YAML::BeginMap;
  out << YAML::Key << "seed" << YAML::Value << settings.seed;
  out << YAML::Key << "cartels" << YAML::Value << settings.cartels;
  out << YAML::Key << "total_members" << YAML::Value << settings.total_members;
  out << YAML::Key << "regions" << YAML::Value << settings.regions;
  out << YAML::Key << "presence_per_cartel" << YAML::Value << settings.presence_per_cartel;
  out << YAML::Key << "rivalries" << YAML::Value << settings.rivalries;
  out << YAML::Key << "alliances" << YAML::Value << settings.alliances;
  out << YAML::Key << "us_agencies" << YAML::Value << settings.us_agencies;
  out << YAML::Key << "mx_bodies" << YAML::Value << settings.mx_bodies;
  out << YAML::Key << "fentanyl_cartels" << YAML::Value << settings.fentanyl_cartels;
  out << YAML::EndMap;
}

void emit_generated_world(YAML::Emitter& out, const GeneratorSettings& settings,
                          const WorldDefinition& world) {
  // Doubles in their shortest form that reads back to the same bits.
  const auto exact = [](double value) { return fmt::format("{}", value); };
  out << YAML::Key << "generator" << YAML::Value;
  emit_generator_settings(out, settings);
  out << YAML::Key << "actors" << YAML::Value << YAML::BeginMap;
  for (const auto& actor : world.actors) {
    out << YAML::Key << actor.name << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "capability" << YAML::Value << exact(actor.capability);
    out << YAML::Key << "collection_rate" << YAML::Value << exact(actor.collection_rate);
    out << YAML::Key << "initial_intel" << YAML::Value << exact(actor.initial_intel);
    out << YAML::Key << "border_share" << YAML::Value << exact(actor.border_share);
    if (actor.type == ActorType::us_agency) {
      out << YAML::Key << "unilateral_propensity" << YAML::Value
          << exact(actor.unilateral_propensity);
      out << YAML::Key << "can_strike" << YAML::Value << actor.can_strike;
    } else {
      out << YAML::Key << "integrity" << YAML::Value << exact(actor.integrity);
      out << YAML::Key << "sovereignty_sensitivity" << YAML::Value
          << exact(actor.sovereignty_sensitivity);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  out << YAML::Key << "governments" << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "us_pressure" << YAML::Value << exact(world.governments.us_pressure);
  out << YAML::Key << "mx_stance" << YAML::Value << exact(world.governments.mx_stance);
  out << YAML::EndMap;
}

}  // namespace seccoop::agents
