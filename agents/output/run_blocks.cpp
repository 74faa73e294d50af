#include "agents/output/run_blocks.hpp"

#include <numeric>

namespace seccoop::agents {

namespace {

/// Compressed chunks of about this size read and compress well (the IO layer's own target).
constexpr std::size_t kTargetChunkBytes = std::size_t{64} << 10;
/// Rows larger than this are split by the IO layer along their other axes; leave it to it.
constexpr std::size_t kLargestRowBytes = std::size_t{4} << 20;

std::size_t element_bytes(sim::io::ValueType type) {
  switch (type) {
    case sim::io::ValueType::float64:
    case sim::io::ValueType::int64:
      return 8;
    case sim::io::ValueType::float32:
    case sim::io::ValueType::int32:
      return 4;
    case sim::io::ValueType::int8:
    case sim::io::ValueType::uint8:
      return 1;
    case sim::io::ValueType::string:
      return 16;  // a variable-length reference
  }
  return 8;
}

}  // namespace

void align_record_chunks(sim::io::FileSchema& schema) {
  for (auto& variable : schema.variables) {
    if (!schema.is_record(variable)) continue;
    std::vector<std::size_t> chunk = {1};
    std::size_t row_bytes = element_bytes(variable.type);
    for (std::size_t axis = 1; axis < variable.dimensions.size(); ++axis) {
      const auto* dimension = schema.find_dimension(variable.dimensions[axis]);
      chunk.push_back(dimension != nullptr ? std::max<std::size_t>(dimension->size, 1) : 1);
      row_bytes *= chunk.back();
    }
    if (row_bytes > kLargestRowBytes) {
      variable.chunk_shape.clear();  // the layer chunks it one run at a time, splitting the row
      continue;
    }
    while (chunk[0] * 2 <= kRunsPerBlock && chunk[0] * 2 * row_bytes <= kTargetChunkBytes) {
      chunk[0] *= 2;
    }
    variable.chunk_shape = std::move(chunk);
  }
}

std::size_t runs_per_block(const sim::io::FileSchema& schema) {
  std::size_t block = 1;
  for (const auto& variable : schema.variables) {
    if (!schema.is_record(variable) || variable.chunk_shape.empty()) continue;
    block = std::lcm(block, std::max<std::size_t>(variable.chunk_shape.front(), 1));
  }
  return block;
}

}  // namespace seccoop::agents
