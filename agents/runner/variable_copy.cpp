#include "agents/runner/variable_copy.hpp"

#include <span>

namespace seccoop::agents {

namespace {

using sim::io::ValueType;

template <typename Narrow, typename Wide>
std::vector<Narrow> narrowed(const std::vector<Wide>& values) {
  std::vector<Narrow> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<Narrow>(values[i]);
  return out;
}

template <typename T>
void write_as(sim::io::ResultsFile& file, const std::string& name, std::optional<RowSpan> rows,
              const std::vector<T>& values) {
  const std::span<const T> view(values);
  if (rows) {
    file.write(name, rows->first, rows->count, view);
  } else {
    file.write_static(name, view);
  }
}

}  // namespace

RowValues read_rows(const sim::io::ResultsReader& reader, const sim::io::Variable& variable,
                    std::optional<RowSpan> rows) {
  const std::string& name = variable.name;
  switch (variable.type) {
    case ValueType::float64:
    case ValueType::float32:
      return rows ? reader.read_doubles(name, rows->first, rows->count) : reader.read_doubles(name);
    case ValueType::int64:
    case ValueType::int32:
    case ValueType::int8:
    case ValueType::uint8:
      return rows ? reader.read_int64s(name, rows->first, rows->count) : reader.read_int64s(name);
    case ValueType::string:
      return rows ? reader.read_strings(name, rows->first, rows->count) : reader.read_strings(name);
  }
  throw sim::InternalError("variable '" + name + "' has an unknown type");
}

void append_values(RowValues& values, RowValues&& more) {
  std::visit(
      [&values](auto&& extra) {
        using Vector = std::decay_t<decltype(extra)>;
        auto& into = std::get<Vector>(values);
        into.insert(into.end(), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));
      },
      std::move(more));
}

void write_rows(sim::io::ResultsFile& file, const sim::io::Variable& variable,
                std::optional<RowSpan> rows, const RowValues& values) {
  const std::string& name = variable.name;
  switch (variable.type) {
    case ValueType::float64:
      return write_as(file, name, rows, std::get<std::vector<double>>(values));
    case ValueType::float32:
      return write_as(file, name, rows, narrowed<float>(std::get<std::vector<double>>(values)));
    case ValueType::int64:
      return write_as(file, name, rows, std::get<std::vector<std::int64_t>>(values));
    case ValueType::int32:
      return write_as(file, name, rows,
                      narrowed<std::int32_t>(std::get<std::vector<std::int64_t>>(values)));
    case ValueType::int8:
      return write_as(file, name, rows,
                      narrowed<std::int8_t>(std::get<std::vector<std::int64_t>>(values)));
    case ValueType::uint8:
      return write_as(file, name, rows,
                      narrowed<std::uint8_t>(std::get<std::vector<std::int64_t>>(values)));
    case ValueType::string:
      return write_as(file, name, rows, std::get<std::vector<std::string>>(values));
  }
}

std::size_t row_bytes_in_memory(const sim::io::FileSchema& schema,
                                const sim::io::Variable& variable) {
  std::size_t elements = 1;
  const auto shape = schema.shape_of(variable);
  for (std::size_t axis = 1; axis < shape.size(); ++axis) elements *= shape[axis];
  // Strings: the std::string object plus a short text; numbers: 8 bytes once widened.
  return elements * (variable.type == ValueType::string ? 64 : 8);
}

}  // namespace seccoop::agents
