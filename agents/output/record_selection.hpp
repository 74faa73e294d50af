#pragma once
// What a run writes to the results file (the experiment's `outputs` key): which series of the
// catalog, every k-th week, or only per-run summaries. A million-run sweep chooses here so that
// it does not write terabytes. Per-run identification variables are always written.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <vector>

#include "agents/output/series_catalog.hpp"
#include "sim/config/config_node.hpp"

namespace seccoop::agents {

struct OutputSelection {
  /// Selected series in catalog order; empty means every series of the catalog.
  std::vector<Series> variables;
  /// Weeks stride, 2*stride, ... are recorded.
  std::size_t week_stride = 1;
  /// No weekly series: per run, the final value and the mean over weeks of each series.
  bool summaries_only = false;

  /// The selected series, every series of the catalog when none was named.
  [[nodiscard]] std::vector<Series> series() const;
  /// How many weeks the file records for a horizon of `weeks` weeks.
  [[nodiscard]] std::size_t recorded_weeks(std::size_t weeks) const {
    return summaries_only ? 0 : weeks / week_stride;
  }
};

/// Suffixes of the per-run summary variables (`homicides_final`, `homicides_mean`).
inline constexpr std::string_view kFinalSuffix = "_final";
inline constexpr std::string_view kMeanSuffix = "_mean";

/// Reads the `outputs` mapping; problems go to the node's diagnostics. `longest_weeks` is the
/// longest scenario horizon (0 when unknown): a stride past it would record nothing.
OutputSelection read_output_selection(const sim::ConfigNode& node, std::size_t longest_weeks);

/// Writes `outputs:` with every default filled in (for the resolved experiment YAML).
void emit_output_selection(YAML::Emitter& out, const OutputSelection& selection);

}  // namespace seccoop::agents
