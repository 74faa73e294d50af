#include "agents/model/overflow_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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

std::string cartel_label(const RunState& s, std::size_t c) {
  const auto& definitions = s.world->definition->cartels;
  if (c < definitions.size()) return fmt::format("cartel '{}' (slot {})", definitions[c].name, c);
  return fmt::format("the faction in slot {}", c);
}

void check_cartel_numbers(const RunState& s) {
  const struct {
    const std::vector<double>* values;
    std::string_view name;
  } quantities[] = {{&s.cartels.members, "members"},
                    {&s.flows.recruits, "recruits"},
                    {&s.flows.incapacitated, "arrests"},
                    {&s.flows.deaths, "deaths"},
                    {&s.flows.exits, "exits"}};
  for (const auto& quantity : quantities) {
    const std::size_t used = std::min(s.cartels.count, quantity.values->size());
    for (std::size_t c = 0; c < used; ++c) {
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
