#pragma once
// The one list of weekly series a run records: name, axes after (run, week), units and long
// name. The results layout, record selection and summaries all work from this list, so a new
// output is one line here plus the code that fills it.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace seccoop::agents {

/// Axes a series may have besides run and week; each is a dimension of the results file.
enum class Axis { cartel };

inline constexpr std::array<std::string_view, 1> kAxisNames = {"cartel"};

struct AxisSizes {
  std::size_t cartels = 0;
  [[nodiscard]] std::size_t size(Axis axis) const {
    switch (axis) {
      case Axis::cartel:
        return cartels;
    }
    return 0;
  }
};

enum class Series : std::size_t { members, deaths, homicides, recruits, incapacitated, exits };

struct SeriesSpec {
  Series id;
  std::string_view name;
  std::vector<Axis> axes;
  std::string_view units;
  std::string_view long_name;
};

/// Every series, in file order; entry i has id Series(i).
const std::vector<SeriesSpec>& series_catalog();

}  // namespace seccoop::agents
