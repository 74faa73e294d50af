#pragma once
// Outcomes of a results file per scenario and sweep point, over the replications of its
// completed runs (`seccoop summarize`, and the table `seccoop run` prints). Works from what the
// file holds, so it reads files of any record selection and any later series.
#include <cstdint>
#include <string>
#include <vector>

#include "agents/output/replicate_statistics.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

struct OutcomeRow {
  std::string scenario;
  std::int64_t sweep_point = 0;
  std::string outcome;  // e.g. homicides_per_year_last_52_weeks, members_final
  std::string units;
  MeanEstimate estimate;
};

struct ResultsSummary {
  std::vector<OutcomeRow> rows;  // by scenario, then sweep point, then outcome
  std::size_t runs_completed = 0;
  std::size_t runs_total = 0;
};

/// Throws sim::io::IoError unless the file was written by seccoop (it has the experiment YAML
/// and the per-run variables every seccoop file has).
void require_seccoop_results(const sim::io::ResultsReader& reader);

/// Per scenario and sweep point, over completed runs:
/// - homicides_per_year_last_52_weeks: mean weekly homicides over the recorded weeks within the
///   last 52 weeks of the run, times 52 (with every week recorded: the last year's total);
/// - <series>_final for every weekly series: its national total (summed over cartels,
///   regions, actors...; averaged instead for dimensionless indices, units "1") in the last
///   recorded week of the run;
/// - every per-run summary variable (<series>_final, <series>_mean), totalled likewise.
/// Outcomes without any value (an axis no scenario uses) are left out.
ResultsSummary summarize_results(const sim::io::ResultsReader& reader);

}  // namespace seccoop::agents
