#include "agents/model/run_record.hpp"

#include <limits>

#include "agents/model/invariants.hpp"

namespace seccoop::agents {

RunRecord::RunRecord(std::uint64_t run_index, std::size_t weeks, const AxisSizes& sizes)
    : RunRecord(run_index, weeks, sizes, Start::zeros) {}

RunRecord RunRecord::to_be_filled(std::uint64_t run_index, std::size_t weeks,
                                  const AxisSizes& sizes) {
  return {run_index, weeks, sizes, Start::unwritten};
}

RunRecord::RunRecord(std::uint64_t run_index, std::size_t weeks, const AxisSizes& sizes,
                     Start start)
    : run_index_(run_index), weeks_(weeks) {
  const bool poisoned = start == Start::unwritten && kInvariantsChecked;
  const double fill = poisoned ? std::numeric_limits<double>::quiet_NaN() : 0.0;
  for (const auto& spec : series_catalog()) {
    std::size_t width = 1;
    for (const Axis axis : spec.axes) width *= sizes.size(axis);
    width_.push_back(width);
    if (start == Start::unwritten && !poisoned) {
      data_.emplace_back(weeks * width);  // left as it is: every entry is written
    } else {
      data_.emplace_back(weeks * width, fill);
    }
  }
}

}  // namespace seccoop::agents
