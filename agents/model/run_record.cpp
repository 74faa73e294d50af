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

}  // namespace seccoop::agents
