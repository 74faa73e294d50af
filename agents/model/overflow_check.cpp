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

namespace seccoop::agents {

namespace {

constexpr std::string_view kWhatToDo =
    "the inputs drive the model beyond the range of floating-point numbers: lower the "
    "rivalry or alliance weights, the recruitment rate or the lethality, or raise "
    "core.saturation_per_member_week";

[[noreturn]] void overflowed(std::uint64_t run, std::uint64_t week, const std::string& what,
                             double value) {
  throw sim::UserError(fmt::format(
      "run {}, week {}: the model's numbers overflow: {} (expected finite numbers, found {}); {}",
      run, week, what, value, kWhatToDo));
}

// A double is infinite or NaN exactly when its exponent bits are all ones; adding one to the
// exponent then carries into the sign bit, and only then. AND, ADD and OR on integers are what
// the compiler vectorizes with plain SSE2.
[[gnu::always_inline]] inline std::uint64_t exponent_carry(double value) {
  constexpr std::uint64_t kExponent = 0x7ff0'0000'0000'0000;
  constexpr std::uint64_t kExponentOne = 0x0010'0000'0000'0000;
  return (std::bit_cast<std::uint64_t>(value) & kExponent) + kExponentOne;
}

/// True when no value is infinite or NaN. Both checks run every run (every week for the
/// cartel numbers) and almost always pass: this first pass has no branch per value, so the
/// compiler vectorizes it, and only a failing check looks for the value to report.
bool all_finite(std::span<const double> values) {
  std::uint64_t carries = 0;
  for (const double value : values) carries |= exponent_carry(value);
  return (carries >> 63U) == 0;
}

/// The same over the first `count` values of five arrays at once: one loop instead of five,
/// each with its own remainder, every week of every run.
bool all_finite(std::size_t count, const double* __restrict a, const double* __restrict b,
                const double* __restrict c, const double* __restrict d,
                const double* __restrict e) {
  std::uint64_t carries = 0;
  for (std::size_t i = 0; i < count; ++i) {
    carries |= exponent_carry(a[i]) | exponent_carry(b[i]) | exponent_carry(c[i]) |
               exponent_carry(d[i]) | exponent_carry(e[i]);
  }
  return (carries >> 63U) == 0;
}

std::string cartel_label(const RunState& s, std::size_t c) {
  const auto& definitions = s.world->definition->cartels;
  if (c < definitions.size()) return fmt::format("cartel '{}' (slot {})", definitions[c].name, c);
  return fmt::format("the faction in slot {}", c);
}

void check_cartel_numbers(const RunState& s) {
  const MembershipFlows& f = s.flows;
  const std::size_t used = s.cartels.count;
  const bool sized = std::min({s.cartels.members.size(), f.recruits.size(), f.incapacitated.size(),
                               f.deaths.size(), f.exits.size()}) >= used;
  if (sized && all_finite(used, s.cartels.members.data(), f.recruits.data(), f.incapacitated.data(),
                          f.deaths.data(), f.exits.data())) {
    return;
  }
  // Something is not finite (or a quantity is short): find the first to report, in order.
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

void check_record_finite(const RunRecord& record) {
  const auto& catalog = series_catalog();
  for (const SeriesSpec& spec : catalog) {
    const std::vector<double>& values = record.values(spec.id);
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
