#include "agents/model/overflow_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "sim/config/diagnostics.hpp"
#include "sim/parallel/vector_clones.hpp"

namespace seccoop::agents {

namespace {

constexpr std::string_view kWhatToDo =
    "the inputs drive the model beyond the numbers it can represent: lower the rivalry or "
    "alliance weights, the recruitment rate or the lethality, or raise "
    "core.saturation_per_member_week";

/// Most members a cartel may have: far above any real organisation (the world has 8e9 people),
/// and below 2^53, where a double stops holding every whole number: stochastic runs draw
/// members as whole counts (64-bit), which would otherwise saturate silently.
constexpr double kMostMembers = 1e15;

[[noreturn]] void overflowed(std::uint64_t run, std::uint64_t week, const std::string& what,
                             double value, std::string_view expected = "finite numbers") {
  throw sim::UserError(
      fmt::format("run {}, week {}: the model's numbers overflow: {} (expected {}, found {}); {}",
                  run, week, what, expected, value, kWhatToDo));
}

// A double is infinite or NaN exactly when its exponent bits are all ones; adding one to the
// exponent then carries into the sign bit, and only then. AND, ADD and OR on integers are what
// the compiler vectorizes with plain SSE2.
[[gnu::always_inline]] inline std::uint64_t exponent_carry(double value) {
  constexpr std::uint64_t kExponent = 0x7ff0'0000'0000'0000;
  constexpr std::uint64_t kExponentOne = 0x0010'0000'0000'0000;
  return (std::bit_cast<std::uint64_t>(value) & kExponent) + kExponentOne;
}

/// True when no value is infinite or NaN. The record's check runs it once per run (the weekly
/// check of the members runs all_magnitudes_at_most, and this only when that fails); it almost
/// always passes: no branch per value, so the compiler vectorizes it, and only a failing check
/// looks for the value to report.
SECCOOP_VECTOR_CLONES bool all_finite(std::span<const double> values) {
  // Eight interleaved ORs, so that the vectorized loop is not one chain of dependent ORs.
  constexpr std::size_t kLanes = 8;
  std::uint64_t lane[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= values.size(); i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) lane[l] |= exponent_carry(values[i + l]);
  }
  std::uint64_t carries = 0;
  for (; i < values.size(); ++i) carries |= exponent_carry(values[i]);
  for (const std::uint64_t l : lane) carries |= l;
  return (carries >> 63U) == 0;
}

// Restrict parameters (GCC ignores restrict locals), so that the loop vectorizes.
[[gnu::always_inline]] inline bool copy_finite(std::size_t count, const double* __restrict from,
                                               double* __restrict to) {
  constexpr std::size_t kLanes = 8;
  std::uint64_t lane[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= count; i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      to[i + l] = from[i + l];
      lane[l] |= exponent_carry(from[i + l]);
    }
  }
  std::uint64_t carries = 0;
  for (; i < count; ++i) {
    to[i] = from[i];
    carries |= exponent_carry(from[i]);
  }
  for (const std::uint64_t l : lane) carries |= l;
  return (carries >> 63U) == 0;
}

/// True when every value's magnitude is at most `bound` (positive and finite), so every value
/// is finite too: one pass of integer comparisons on the bits with the sign cleared (they order
/// like the magnitudes, and infinities and NaNs lie above every finite bound). Vectorized in
/// the AVX2 clone (64-bit comparisons); the caller falls back to all_finite and largest to
/// report what failed.
SECCOOP_VECTOR_CLONES bool all_magnitudes_at_most(std::span<const double> values, double bound) {
  constexpr std::int64_t kMagnitude = 0x7fff'ffff'ffff'ffff;
  const auto most = std::bit_cast<std::int64_t>(bound);
  constexpr std::size_t kLanes = 8;
  std::int64_t beyond[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= values.size(); i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) {
      beyond[l] |= static_cast<std::int64_t>(
          (std::bit_cast<std::int64_t>(values[i + l]) & kMagnitude) > most);
    }
  }
  std::int64_t any = 0;
  for (; i < values.size(); ++i)
    any |= static_cast<std::int64_t>((std::bit_cast<std::int64_t>(values[i]) & kMagnitude) > most);
  for (const std::int64_t l : beyond) any |= l;
  return any == 0;
}

/// The largest of `values` (all finite), in eight lanes that the compiler vectorizes.
SECCOOP_VECTOR_CLONES double largest(std::span<const double> values) {
  constexpr std::size_t kLanes = 8;
  double lane[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= values.size(); i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) lane[l] = std::max(lane[l], values[i + l]);
  }
  double result = 0.0;
  for (; i < values.size(); ++i) result = std::max(result, values[i]);
  for (const double l : lane) result = std::max(result, l);
  return result;
}

bool finite(const FlowTotals& totals) {
  return std::isfinite(totals.recruits) && std::isfinite(totals.incapacitated) &&
         std::isfinite(totals.deaths) && std::isfinite(totals.exits);
}

std::string cartel_label(const RunState& s, std::size_t c) {
  const auto& definitions = s.world->definition->cartels;
  if (c < definitions.size()) return fmt::format("cartel '{}' (slot {})", definitions[c].name, c);
  return fmt::format("the faction in slot {}", c);
}

void check_cartel_numbers(const RunState& s) {
  const std::size_t used = s.cartels.count;
  const auto members = std::span(s.cartels.members).first(std::min(used, s.cartels.members.size()));
  // The flows are checked through their totals over the cartels in use, which the cartel
  // phase has just summed: a sum with an infinite or NaN term is infinite or NaN. (A total can
  // also overflow with finite terms; the search below then finds nothing to report.)
  if (finite(s.flow_totals_in_use) && all_magnitudes_at_most(members, kMostMembers)) return;
  if (all_finite(members) && finite(s.flow_totals_in_use)) {
    if (largest(members) <= kMostMembers) return;
    for (std::size_t c = 0; c < members.size(); ++c) {
      if (members[c] <= kMostMembers) continue;
      overflowed(s.sampler.key().run_index, s.week,
                 fmt::format("{} has {} members", cartel_label(s, c), members[c]), members[c],
                 fmt::format("at most {:g} members in a cartel", kMostMembers));
    }
  }
  // Something is not finite: find the first value to report, in order.
  const struct {
    const std::vector<double>* values;
    std::string_view name;
  } quantities[] = {{&s.cartels.members, "members"},
                    {&s.flows.recruits, "recruits"},
                    {&s.flows.incapacitated, "arrests"},
                    {&s.flows.deaths, "deaths"},
                    {&s.flows.exits, "exits"}};
  for (const auto& quantity : quantities) {
    const std::size_t checked = std::min(used, quantity.values->size());
    if (all_finite({quantity.values->data(), checked})) continue;
    for (std::size_t c = 0; c < checked; ++c) {
      const double value = (*quantity.values)[c];
      if (std::isfinite(value)) continue;
      overflowed(s.sampler.key().run_index, s.week,
                 fmt::format("{} has {} {}", cartel_label(s, c), value, quantity.name), value);
    }
  }
}

}  // namespace

sim::PhasePipeline<RunState>::PhaseFunction with_overflow_check(
    sim::PhasePipeline<RunState>::PhaseFunction cartel_phase) {
  return [phase = std::move(cartel_phase)](RunState& s) {
    phase(s);
    check_cartel_numbers(s);
  };
}

SECCOOP_VECTOR_CLONES bool copy_all_finite(std::span<const double> from, std::span<double> to) {
  return copy_finite(std::min(from.size(), to.size()), from.data(), to.data());
}

void check_record_finite(const RunRecord& record, std::span<const Series> checked) {
  const auto& catalog = series_catalog();
  for (const SeriesSpec& spec : catalog) {
    if (std::ranges::find(checked, spec.id) != checked.end()) continue;
    const RunRecord::Values& values = record.values(spec.id);
    if (all_finite(values)) continue;
    const std::size_t width = record.width(spec.id);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (std::isfinite(values[i])) continue;
      std::string axes;
      for (const Axis axis : spec.axes) {
        axes +=
            (axes.empty() ? "" : " x ") + std::string(kAxisNames[static_cast<std::size_t>(axis)]);
      }
      const std::string entry =
          axes.empty() ? std::string() : fmt::format(" (entry {} along {})", i % width, axes);
      overflowed(record.run_index(), i / width + 1,
                 fmt::format("series '{}'{} is {}", spec.name, entry, values[i]), values[i]);
    }
  }
}

}  // namespace seccoop::agents
