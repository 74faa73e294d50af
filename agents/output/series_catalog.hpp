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
enum class Axis { cartel, region, actor, trust_edge, coordination_edge, mode };

inline constexpr std::array<std::string_view, 6> kAxisNames = {
    "cartel", "region", "actor", "trust_edge", "coordination_edge", "mode"};

/// Operation modes, the `mode` axis (same order as OperationMode).
inline constexpr std::array<std::string_view, 3> kModeNames = {"joint", "domestic", "unilateral"};

struct AxisSizes {
  std::size_t cartels = 0;
  std::size_t regions = 0;
  std::size_t actors = 0;
  std::size_t trust_edges = 0;
  std::size_t coordination_edges = 0;

  [[nodiscard]] std::size_t size(Axis axis) const {
    switch (axis) {
      case Axis::cartel:
        return cartels;
      case Axis::region:
        return regions;
      case Axis::actor:
        return actors;
      case Axis::trust_edge:
        return trust_edges;
      case Axis::coordination_edge:
        return coordination_edges;
      case Axis::mode:
        return kModeNames.size();
    }
    return 0;
  }
};

enum class Series : std::size_t {
  members,
  cohesion,
  deaths,
  homicides,
  homicides_by_region,
  recruits,
  incapacitated,
  exits,
  active_cartels,
  fentanyl_production_kg,
  fentanyl_flow_kg,
  seized_mx_kg,
  seized_border_kg,
  seized_by_actor_kg,
  hvt_captures,
  operations,
  strikes,
  leaks,
  detected_leaks,
  sovereignty_shock,
  transfers,
  trust,
  coordination,
  trust_mx_in_us,
  trust_us_in_mx,
  us_pressure,
  tariff_rate,
  exports_exposed_usd,
  mx_stance,
  unilateral_authorisation,
};

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
