#pragma once
// A run's weekly series as the results file lays them out, made by the worker thread that
// simulated the run. The file has a single writer (HDF5 is not thread-safe), so everything
// that does not need the file — striding the weeks, padding the axes, and compressing the
// rows stored one chunk per run (sim/io/chunk_filter.hpp) — happens on the workers, in
// parallel. The writer stores those bytes, and compresses only the chunks that group 16 runs
// once their last row arrives (sim/io/chunk_assembly.hpp).
#include <cstddef>
#include <vector>

#include "agents/model/run_record.hpp"
#include "agents/scenario/experiment.hpp"
#include "sim/io/results_file.hpp"

namespace seccoop::agents {

/// What preparing a run needs from the file, read before any run starts so that the workers
/// never touch the file. One entry per series of experiment.outputs.series(), in that order.
struct RowLayout {
  std::size_t weeks = 0;            // the file's `week` extent (0: summaries only)
  std::vector<std::size_t> widths;  // values per week in the file (its axes' extents)
  std::vector<bool> one_chunk;      // the row is one chunk: compress it on the worker
};

[[nodiscard]] RowLayout row_layout(const sim::io::ResultsFile& file, const Experiment& experiment);

struct PreparedRun {
  RunRecord record;
  /// Per selected series: the row, strided and padded, unless compressed or summaries only.
  std::vector<std::vector<double>> rows;
  /// Per selected series: the row's chunk, shuffled and deflated, where layout.one_chunk.
  std::vector<std::vector<std::byte>> chunks;
};

/// Lays out (and compresses where it can) the weekly series of `record`. Thread-safe.
[[nodiscard]] PreparedRun prepare_run(const RowLayout& layout, const Experiment& experiment,
                                      RunRecord record);

}  // namespace seccoop::agents
