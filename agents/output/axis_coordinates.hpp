#pragma once
// The results file's axes besides run and week (cartel, region, actor, edges, operation mode):
// one dimension per axis a selected series uses, sized for the largest scenario, with an
// integer slot coordinate and, per scenario, what each slot is (names, edge endpoints).
// Works over kAxisNames, so an axis added to the series catalog gets its dimension here.
#include <vector>

#include "agents/model/world.hpp"
#include "agents/output/series_catalog.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::agents {

/// Axes used by `series`, in kAxisNames order.
std::vector<Axis> axes_used(const std::vector<Series>& series);

/// Adds the dimensions of `axes` (sized over `worlds`, at least 1: HDF5 cannot chunk an empty
/// axis) with their coordinate and label variables over (scenario, axis).
void add_axis_schema(const std::vector<Axis>& axes, const std::vector<World>& worlds,
                     sim::io::FileSchema& schema);

/// Writes the coordinates and labels declared by add_axis_schema(); slots a scenario does not
/// use get empty labels.
void write_axis_coordinates(sim::io::ResultsFile& file, const std::vector<Axis>& axes,
                            const std::vector<World>& worlds);

}  // namespace seccoop::agents
