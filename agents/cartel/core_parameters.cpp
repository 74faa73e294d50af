#include "agents/cartel/core_parameters.hpp"

namespace seccoop::agents {

namespace {
constexpr const char* kPaper =
    "Prieto-Curiel, Campedelli & Hope 2023, Science 381:1312 (fitted to 2012-2021)";
constexpr const char* kTrends =
    "INEGI homicides and RNPDNO missing persons 2019-2021 (Trends2012_2021.csv): 0.614";
}  // namespace

void declare_core_parameters(sim::ParameterTable& table) {
  table.add({.path = "core.recruitment_rate_per_week",
             .default_value = 2.527474e-3,
             .range = {0.0, 1.0},
             .unit = "1/week",
             .meaning = "recruits per member per week (rho)",
             .source = kPaper});
  table.add({.path = "core.incapacitation_per_week",
             .default_value = 110.0,
             .range = {0.0, 1e7},
             .unit = "members/week",
             .meaning = "members removed by arrest each week, shared in proportion to size (eta)",
             .source = kPaper});
  table.add({.path = "core.conflict_lethality",
             .default_value = 1.549231e-8,
             .range = {0.0, 1e-3},
             .unit = "1/(member week)",
             .meaning = "deaths per pair of members in conflict per week (theta)",
             .source = kPaper});
  table.add({.path = "core.saturation_per_member_week",
             .default_value = 4e-8,
             .range = {0.0, 1e-3},
             .unit = "1/(member week)",
             .meaning = "members leaving, per member squared per week (omega)",
             .source = kPaper});
  table.add({.path = "core.initial_members",
             .default_value = 115000.0,
             .range = {0.0, 1e9},
             .unit = "members",
             .meaning = "cartel members at the start, split by rank^-1 of tie strength",
             .source = "Prieto-Curiel et al. 2023 (2012 estimate)"});
  table.add({.path = "core.cartel_share_of_violent_losses",
             .default_value = 0.10,
             .range = {1e-6, 1.0},
             .unit = "1",
             .meaning = "cartel deaths as a share of homicides plus missing persons",
             .source = "Prieto-Curiel et al. 2023 (calibration assumption)"});
  table.add({.path = "core.homicide_share_of_violent_losses",
             .default_value = 0.614,
             .range = {0.0, 1.0},
             .unit = "1",
             .meaning = "homicides as a share of homicides plus missing persons",
             .source = kTrends});
}

CoreParameters read_core_parameters(const sim::ParameterValues& values) {
  return CoreParameters{
      .recruitment_rate_per_week = values.get("core.recruitment_rate_per_week"),
      .incapacitation_per_week = values.get("core.incapacitation_per_week"),
      .conflict_lethality = values.get("core.conflict_lethality"),
      .saturation_per_member_week = values.get("core.saturation_per_member_week"),
      .initial_members = values.get("core.initial_members"),
      .cartel_share_of_violent_losses = values.get("core.cartel_share_of_violent_losses"),
      .homicide_share_of_violent_losses = values.get("core.homicide_share_of_violent_losses"),
  };
}

}  // namespace seccoop::agents
