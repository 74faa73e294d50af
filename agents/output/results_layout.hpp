#pragma once
// The model's results-file layout (OUTPUT.md): which variables a run writes, with their
// dimensions, units and long names, as the experiment's `outputs` selects (every series of the
// catalog, or some; every week or every k-th; or only per-run summaries). The engine's sim::io
// layer does the writing.
#include <string>
#include <vector>

#include "agents/model/run_record.hpp"
#include "agents/model/world.hpp"
#include "agents/output/prepared_run.hpp"
#include "agents/scenario/experiment.hpp"
#include "sim/experiment/run_plan.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::agents {

/// Run status codes (variable `status`, flag_values/flag_meanings).
enum class RunStatus : std::int8_t { pending = 0, ok = 1 };

/// Dimensions, coordinates and per-run variables for `experiment` built on `worlds` (one per
/// scenario, same order).
sim::io::FileSchema results_schema(const Experiment& experiment, const std::vector<World>& worlds);

/// Writes the static coordinates (weeks, dates, names) once, right after creation.
void write_coordinates(sim::io::ResultsFile& file, const Experiment& experiment,
                       const std::vector<World>& worlds);

/// Writes one run's row as `experiment.outputs` selects, all but its `completed` flag. `run`
/// was prepared (prepare_run()) with this file's row_layout().
void write_run(sim::io::ResultsFile& file, std::size_t row, const sim::RunSpec& spec,
               const Experiment& experiment, const PreparedRun& run);

/// Sets a row's `completed` flag. Called only after the row's data has been flushed, so that a
/// flag found on disk after a crash always vouches for data that is on disk too.
void mark_completed(sim::io::ResultsFile& file, std::size_t row);

}  // namespace seccoop::agents
