#include "agents/output/series_catalog.hpp"

#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

namespace {

std::vector<SeriesSpec> build_catalog() {
  using enum Series;
  using A = Axis;
  return {
      {members, "members", {A::cartel}, "members", "cartel members at the end of the week"},
      {cohesion,
       "cohesion",
       {A::cartel},
       "1",
       "cartel cohesion h (1 = united; splits below the threshold)"},
      {deaths, "deaths", {}, "members/week", "cartel members killed in conflict between cartels"},
      {homicides,
       "homicides",
       {},
       "homicides/week",
       "national homicides (conflict deaths scaled to all homicides, plus strike deaths)"},
      {homicides_by_region,
       "homicides_by_region",
       {A::region},
       "homicides/week",
       "homicides by state"},
      {recruits, "recruits", {}, "members/week", "members recruited"},
      {incapacitated, "incapacitated", {}, "members/week", "members arrested (incapacitated)"},
      {exits, "exits", {}, "members/week", "members leaving (saturation)"},
      {active_cartels, "active_cartels", {}, "cartels", "cartels with at least one member"},
      {fentanyl_production_kg, "fentanyl_production_kg", {}, "kg/week", "fentanyl produced"},
      {fentanyl_flow_kg, "fentanyl_flow_kg", {}, "kg/week", "fentanyl reaching the US market"},
      {seized_mx_kg, "seized_mx_kg", {}, "kg/week", "fentanyl seized in Mexico"},
      {seized_border_kg, "seized_border_kg", {}, "kg/week", "fentanyl seized at the US border"},
      {seized_by_actor_kg,
       "seized_by_actor_kg",
       {A::actor},
       "kg/week",
       "fentanyl seized by each state actor"},
      {hvt_captures, "hvt_captures", {}, "captures/week", "high-value targets captured or killed"},
      {operations, "operations", {A::mode}, "effort/week", "effort spent on operations, by mode"},
      {strikes, "strikes", {}, "strikes/week", "US military strikes on Mexican soil"},
      {leaks, "leaks", {}, "leaks/week", "shared intelligence reaching the targeted cartel"},
      {detected_leaks, "detected_leaks", {}, "leaks/week", "leaks detected by the sharer"},
      {sovereignty_shock, "sovereignty_shock", {}, "shock/week", "weighted unilateral US acts"},
      {transfers, "transfers", {}, "prisoners/week", "prisoners handed by Mexico to the US"},
      {trust,
       "trust",
       {A::trust_edge},
       "1",
       "trust tau = alpha / (alpha + beta) along each trust edge"},
      {coordination,
       "coordination",
       {A::coordination_edge},
       "1",
       "coordination kappa of each US-Mexico channel"},
      {trust_mx_in_us, "trust_mx_in_us", {}, "1", "mean trust of Mexican bodies in US agencies"},
      {trust_us_in_mx, "trust_us_in_mx", {}, "1", "mean trust of US agencies in Mexican bodies"},
      {us_pressure, "us_pressure", {}, "1", "US pressure P"},
      {tariff_rate, "tariff_rate", {}, "1", "US tariff rate on Mexican exports"},
      {exports_exposed_usd,
       "exports_exposed_usd",
       {},
       "USD/week",
       "Mexican exports to the US under the tariff"},
      {mx_stance, "mx_stance", {}, "1", "Mexican cooperation stance S"},
      {unilateral_authorisation,
       "unilateral_authorisation",
       {},
       "1",
       "mean share of US agencies authorised to act alone"},
  };
}

}  // namespace

const std::vector<SeriesSpec>& series_catalog() {
  static const std::vector<SeriesSpec> kCatalog = [] {
    auto catalog = build_catalog();
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      if (static_cast<std::size_t>(catalog[i].id) != i)
        throw sim::InternalError("series catalog out of order");
    }
    return catalog;
  }();
  return kCatalog;
}

}  // namespace seccoop::agents
