#include "agents/output/series_catalog.hpp"

#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

const std::vector<SeriesSpec>& series_catalog() {
  static const std::vector<SeriesSpec> kCatalog = [] {
    std::vector<SeriesSpec> catalog = {
        {Series::members, "members", {Axis::cartel}, "members", "cartel members at the end of the week"},
        {Series::deaths, "deaths", {}, "members/week", "cartel members killed in conflict"},
        {Series::homicides, "homicides", {}, "homicides/week", "national homicides implied by cartel deaths"},
        {Series::recruits, "recruits", {}, "members/week", "members recruited"},
        {Series::incapacitated, "incapacitated", {}, "members/week", "members arrested (incapacitated)"},
        {Series::exits, "exits", {}, "members/week", "members leaving (saturation)"},
    };
    for (std::size_t i = 0; i < catalog.size(); ++i) {
      if (static_cast<std::size_t>(catalog[i].id) != i) throw sim::InternalError("series catalog out of order");
    }
    return catalog;
  }();
  return kCatalog;
}

}  // namespace seccoop::agents
