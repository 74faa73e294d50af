#pragma once
// Prints a results summary (agents::summarize_results) as an aligned table for people or as
// CSV for programs: one row per scenario, sweep point and outcome.
#include <cstdio>

#include "agents/output/results_summary.hpp"

namespace seccoop::app {

void print_outcome_table(const agents::ResultsSummary& summary, std::FILE* out);
/// Full precision; an interval that does not exist (fewer than two runs) is left empty.
void print_outcome_csv(const agents::ResultsSummary& summary, std::FILE* out);

}  // namespace seccoop::app
