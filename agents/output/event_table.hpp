#pragma once
// Discrete events of each run (scheduled events as they fired, and splits) as per-run rows:
// variables event_week, event_kind, event_actor, event_target, event_value over (run, event).
// A run's events fit a fixed number of slots known before it runs (the scenario's scheduled
// firings plus one per faction slot), so a run's events are written in its own row, like every
// other per-run variable, and stay right across a crash and --resume. Unused slots hold -1 /
// NaN.
#include <vector>

#include "agents/model/run_record.hpp"
#include "agents/scenario/experiment.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::agents {

/// Event slots per run for `experiment` (at least 1).
std::size_t event_slots(const Experiment& experiment);

/// Adds the `event` dimension, its coordinate and the event variables.
void add_event_schema(const Experiment& experiment, sim::io::FileSchema& schema);

/// Writes the `event` coordinate (slot numbers), once, with the other coordinates.
void write_event_coordinate(sim::io::ResultsFile& file);

/// Writes `record`'s events into row `row`.
void write_events(sim::io::ResultsFile& file, std::size_t row, const RunRecord& record);

}  // namespace seccoop::agents
