#include "agents/model/invariants.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <string_view>

#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

namespace {

/// Presence shares are normalised when the world is read (to within 1e-12); sums of a few
/// dozen shares may drift by a few ulps more.
constexpr double kShareSumTolerance = 1e-9;
/// Members balance to rounding: a week adds and removes at most a few times the total.
constexpr double kBalanceRelativeTolerance = 1e-9;

[[noreturn]] void violated(const RunState& s, std::string_view invariant,
                           const std::string& detail) {
  throw sim::InternalError(fmt::format("invariant '{}' violated in week {} of run {}: {}",
                                       invariant, s.week, s.sampler.key().run_index, detail));
}

bool in_unit_interval(double value) { return std::isfinite(value) && value >= 0.0 && value <= 1.0; }

/// "cartel 'Sinaloa' (slot 3)", or for a faction created by a split, its parent's name.
std::string cartel_label(const RunState& s, std::size_t c) {
  const auto& definitions = s.world->definition->cartels;
  if (c < definitions.size()) return fmt::format("cartel '{}' (slot {})", definitions[c].name, c);
  return fmt::format("faction in slot {} (split from slot {})", c, s.cartels.parent[c]);
}

std::string actor_name(const RunState& s, std::size_t a) {
  return a < s.actor_count() ? s.actor(a).name : fmt::format("#{}", a);
}

void check_cartels(const RunState& s) {
  const CartelState& c = s.cartels;
  const std::size_t regions = s.world->definition->regions.size();
  for (std::size_t i = 0; i < c.count; ++i) {
    if (!std::isfinite(c.members[i]) || c.members[i] < 0.0) {
      violated(s, "members >= 0 and finite",
               fmt::format("{} has {} members", cartel_label(s, i), c.members[i]));
    }
    if (!in_unit_interval(c.cohesion[i])) {
      violated(s, "cohesion in [0, 1]",
               fmt::format("{} has cohesion {}", cartel_label(s, i), c.cohesion[i]));
    }
    double shares = 0.0;
    for (const Presence& where : c.presence[i]) {
      if (where.region >= regions || !in_unit_interval(where.share)) {
        violated(s, "presence shares in [0, 1] over known regions",
                 fmt::format("{} has share {} in region {} of {}", cartel_label(s, i), where.share,
                             where.region, regions));
      }
      shares += where.share;
    }
    if (!(std::abs(shares - 1.0) <= kShareSumTolerance)) {
      violated(s, "presence shares sum to 1",
               fmt::format("{} has shares summing to {:.17g} over {} regions", cartel_label(s, i),
                           shares, c.presence[i].size()));
    }
  }
}

void check_relations(const RunState& s) {
  for (const TrustEdge& edge : s.trust) {
    const std::string name =
        fmt::format("'{}' -> '{}'", actor_name(s, edge.from), actor_name(s, edge.to));
    // Trust is the Beta(alpha, beta) mean alpha / (alpha + beta): in (0, 1) exactly when
    // both are positive and finite.
    if (!(std::isfinite(edge.alpha) && edge.alpha > 0.0 && std::isfinite(edge.beta) &&
          edge.beta > 0.0)) {
      violated(s, "trust in [0, 1]: alpha > 0 and beta > 0",
               fmt::format("trust {} is Beta({}, {})", name, edge.alpha, edge.beta));
    }
  }
  for (const CoordinationEdge& edge : s.coordination) {
    if (!in_unit_interval(edge.level)) {
      violated(s, "coordination in [0, 1]",
               fmt::format("coordination '{}' - '{}' is {}", actor_name(s, edge.us_actor),
                           actor_name(s, edge.mx_actor), edge.level));
    }
  }
}

double total(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

}  // namespace

void check_week_invariants(const RunState& state) {
  check_cartels(state);
  check_relations(state);
}

sim::PhasePipeline<RunState>::PhaseFunction with_member_balance_check(
    sim::PhasePipeline<RunState>::PhaseFunction cartel_phase) {
  return [phase = std::move(cartel_phase)](RunState& s) {
    // The earlier phases of the week (events, operations) change members too, and the core's
    // step would clamp a negative count to zero, hiding their bug: check before it runs.
    check_cartels(s);
    const double before = total(s.cartels.members);
    phase(s);
    const double after = total(s.cartels.members);
    if (!std::isfinite(before) || !std::isfinite(after)) check_cartels(s);  // names the cartel
    const MembershipFlows& f = s.flows;
    const double expected =
        before + total(f.recruits) - total(f.incapacitated) - total(f.deaths) - total(f.exits);
    const double tolerance = kBalanceRelativeTolerance * std::max({1.0, before, after});
    // Expected-value integration clamps a cartel driven below zero at zero, which adds
    // members; only then may the total exceed the balance.
    const bool clamped =
        std::any_of(s.cartels.members.begin(),
                    s.cartels.members.begin() + static_cast<std::ptrdiff_t>(s.cartels.count),
                    [](double members) { return members == 0.0; });
    const bool balanced =
        std::abs(after - expected) <= tolerance || (clamped && after >= expected - tolerance);
    if (!balanced) {
      violated(s, "members conserved by the cartel phase (splits move members)",
               fmt::format("{:.17g} members before, {:.17g} after, but recruits less arrests, "
                           "deaths and exits give {:.17g}",
                           before, after, expected));
    }
  };
}

}  // namespace seccoop::agents
