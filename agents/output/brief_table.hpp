#pragma once
// The brief's comparison table (MODEL.md section 1): per scenario, the outcomes the brief asks
// about at 100 days, one year and the horizon, as means and 95% intervals over replications.
// Flows (homicides, fentanyl, operations...) are totals from the start to the time point;
// levels (trust, active cartels) are values at it. Read from a results file, so `seccoop run`
// and `seccoop summarize --brief` print the same numbers.
#include <string>
#include <vector>

#include "agents/output/replicate_statistics.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

struct BriefOutcome {
  std::string label;  // e.g. "homicides"
  std::string units;
  /// Totals from the start (flows such as homicides) or the level at the time point (trust,
  /// active cartels).
  bool cumulative = true;
  std::vector<std::string> scenarios;
  /// [scenario][time point]: 100 days, 1 year, horizon.
  std::vector<std::vector<MeanEstimate>> estimates;
};

inline constexpr std::size_t kBriefTimePoints = 3;
inline constexpr const char* kBriefTimeLabels[kBriefTimePoints] = {"100 days", "1 year", "horizon"};

/// Outcomes whose variables the file holds (record selection may leave some out).
std::vector<BriefOutcome> brief_table(const sim::io::ResultsReader& reader);

/// The table as aligned text: one block per outcome, one line per scenario.
std::string format_brief_table(const std::vector<BriefOutcome>& table);

}  // namespace seccoop::agents
