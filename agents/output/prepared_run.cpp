#include "agents/output/prepared_run.hpp"

#include <algorithm>
#include <limits>
#include <span>

#include "agents/output/axis_coordinates.hpp"
#include "sim/io/chunk_filter.hpp"

namespace seccoop::agents {

namespace {

/// Every `stride`-th week of a [week][width] series, laid out over the file's `week` extent
/// and `width_out` values per week; NaN past the run's horizon and in unused slots.
std::vector<double> strided(std::span<const double> values, std::size_t weeks, std::size_t width_in,
                            std::size_t stride, std::size_t weeks_out, std::size_t width_out) {
  std::vector<double> out(weeks_out * width_out, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t row = 0; row < weeks_out && (row + 1) * stride <= weeks; ++row) {
    const std::size_t w = (row + 1) * stride - 1;  // 0-based week in the record
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(w * width_in), width_in,
                out.begin() + static_cast<std::ptrdiff_t>(row * width_out));
  }
  return out;
}

}  // namespace

RowLayout row_layout(const sim::io::ResultsFile& file, const Experiment& experiment) {
  RowLayout layout;
  const OutputSelection& outputs = experiment.outputs;
  if (!outputs.summaries_only) layout.weeks = file.dimension_size("week");
  for (const Series id : outputs.series()) {
    const SeriesSpec& series = series_catalog()[static_cast<std::size_t>(id)];
    std::size_t width = 1;
    for (const Axis axis : series.axes) {
      width *= file.dimension_size(kAxisNames[static_cast<std::size_t>(axis)]);
    }
    layout.widths.push_back(width);
    layout.one_chunk.push_back(!outputs.summaries_only && file.row_is_one_chunk(series.name));
  }
  return layout;
}

PreparedRun prepare_run(const RowLayout& layout, const Experiment& experiment, RunRecord record) {
  const OutputSelection& outputs = experiment.outputs;
  const auto& selected = outputs.series();
  PreparedRun prepared{.record = std::move(record), .rows = {}, .chunks = {}};
  prepared.rows.resize(selected.size());
  prepared.chunks.resize(selected.size());
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const Series id = selected[i];
    const SeriesSpec& series = series_catalog()[static_cast<std::size_t>(id)];
    const RunRecord& r = prepared.record;
    if (series.axes.size() > 1 && r.width(id) != layout.widths[i]) {
      // Padding copies whole rows of the first axis; two padded axes need per-axis copies.
      throw sim::InternalError("series '" + std::string(series.name) +
                               "' has several axes narrower than the file's");
    }
    if (outputs.summaries_only) continue;
    auto row = strided(r.values(id), r.weeks(), r.width(id), outputs.week_stride, layout.weeks,
                       layout.widths[i]);
    if (layout.one_chunk[i]) {
      prepared.chunks[i] =
          sim::io::filter_chunk(std::as_bytes(std::span<const double>(row)), sizeof(double));
    } else {
      prepared.rows[i] = std::move(row);
    }
  }
  return prepared;
}

}  // namespace seccoop::agents
