#include "agents/model/run_record.hpp"

namespace seccoop::agents {

RunRecord::RunRecord(std::uint64_t run_index, std::size_t weeks, const AxisSizes& sizes)
    : run_index_(run_index), weeks_(weeks) {
  for (const auto& spec : series_catalog()) {
    std::size_t width = 1;
    for (const Axis axis : spec.axes) width *= sizes.size(axis);
    width_.push_back(width);
    data_.emplace_back(weeks * width, 0.0);
  }
}

std::span<double> RunRecord::week_values(Series series, std::size_t week) {
  const std::size_t w = width(series);
  return {data_[index(series)].data() + (week - 1) * w, w};
}

std::span<const double> RunRecord::week_values(Series series, std::size_t week) const {
  const std::size_t w = width(series);
  return {data_[index(series)].data() + (week - 1) * w, w};
}

}  // namespace seccoop::agents
