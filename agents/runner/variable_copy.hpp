#pragma once
// Copies a variable's values from a results file being read to one being written, whatever
// the stored type, without changing a bit: float64 and int64 are read as they are, narrower
// integers widen to int64 and narrow back exactly, float32 widens to double and back exactly.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/io/results_file.hpp"
#include "sim/io/results_reader.hpp"

namespace seccoop::agents {

/// Values of some rows of one variable, row-major, in the widest type of its kind.
using RowValues =
    std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::string>>;

/// Rows [first, first + count) of `variable` (every row of a static variable when `rows` is
/// empty).
struct RowSpan {
  std::size_t first = 0;
  std::size_t count = 0;
};
RowValues read_rows(const sim::io::ResultsReader& reader, const sim::io::Variable& variable,
                    std::optional<RowSpan> rows);

/// Appends `more` (of the same kind) to `values`.
void append_values(RowValues& values, RowValues&& more);

/// Writes `values` into rows [first, first + count) of a record variable, or all of a static
/// variable when `rows` is empty, converting to the variable's stored type.
void write_rows(sim::io::ResultsFile& file, const sim::io::Variable& variable,
                std::optional<RowSpan> rows, const RowValues& values);

/// Bytes a row of `variable` takes in memory as RowValues (for sizing copy blocks).
std::size_t row_bytes_in_memory(const sim::io::FileSchema& schema,
                                const sim::io::Variable& variable);

}  // namespace seccoop::agents
