#pragma once
// Everything one run records, week by week (week w = 1..weeks, values at the week's end;
// flows are totals over the week).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace seccoop::agents {

struct RunRecord {
  std::uint64_t run_index = 0;
  std::size_t weeks = 0;
  std::size_t cartels = 0;
  std::vector<double> members;        // [week][cartel], members at the end of the week
  std::vector<double> deaths;         // [week], cartel members killed in conflict
  std::vector<double> homicides;      // [week], national homicides implied by the deaths
  std::vector<double> recruits;       // [week]
  std::vector<double> incapacitated;  // [week], members arrested
  std::vector<double> exits;          // [week], members leaving (saturation)
  double wall_seconds = 0.0;

  RunRecord(std::uint64_t run, std::size_t week_count, std::size_t cartel_count)
      : run_index(run),
        weeks(week_count),
        cartels(cartel_count),
        members(week_count * cartel_count),
        deaths(week_count),
        homicides(week_count),
        recruits(week_count),
        incapacitated(week_count),
        exits(week_count) {}
};

}  // namespace seccoop::agents
