#pragma once
// What a results file holds, described before it is written: dimensions, variables over them
// and attributes. The layer knows nothing about the model; the model builds a FileSchema.
//
// Rules (validate_schema() enforces them; breaking one is a code bug):
// - every dimension has a coordinate variable of the same name over exactly that dimension
//   (it becomes the HDF5 dimension scale netCDF readers turn into a named dimension);
// - an unlimited dimension may only be the first dimension of a variable; such a variable is a
//   "record" variable, written in blocks of rows, all others are "static", written once;
// - a fixed dimension has size >= 1 (HDF5 cannot chunk over an empty fixed axis);
// - every variable has text attributes `units` and `long_name` (CONVENTIONS: CF metadata);
// - names are non-empty, unique and free of '/'; attribute names that HDF5 dimension scales and
//   netCDF reserve (CLASS, NAME, DIMENSION_LIST, REFERENCE_LIST, _FillValue, _Netcdf4*, ...)
//   are refused because this layer writes them itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace seccoop::sim::io {

/// Text is written as a netCDF text attribute, numbers as scalars, vectors as 1-D arrays.
using AttributeValue =
    std::variant<std::string, double, std::int64_t, std::vector<double>, std::vector<std::int64_t>>;

struct Attribute {
  std::string name;
  AttributeValue value;

  friend bool operator==(const Attribute&, const Attribute&) = default;
};

struct Dimension {
  std::string name;
  /// Current length; for an unlimited dimension the initial one (usually 0).
  std::size_t size = 0;
  bool unlimited = false;

  friend bool operator==(const Dimension&, const Dimension&) = default;
};

/// Stored types. int8/uint8 suit flags (netCDF byte/ubyte); string is variable-length UTF-8,
/// which netCDF-4 reads as `string`, so no character dimension is needed.
enum class ValueType { float64, float32, int64, int32, int8, uint8, string };

struct Variable {
  std::string name;
  /// Dimension names, slowest-varying first (row-major, as in C and xarray).
  std::vector<std::string> dimensions;
  ValueType type = ValueType::float64;
  /// Must include `units` and `long_name`; may add flag_values, flag_meanings, ...
  /// Numeric flag_values, flag_masks, valid_min, valid_max, valid_range and missing_value are
  /// stored in the variable's own type, as CF requires.
  std::vector<Attribute> attributes;
  /// Chunk shape; empty lets the layer choose (see chunk_layout.hpp).
  std::vector<std::size_t> chunk_shape;

  friend bool operator==(const Variable&, const Variable&) = default;
};

struct FileSchema {
  std::vector<Dimension> dimensions;
  std::vector<Variable> variables;

  [[nodiscard]] const Dimension* find_dimension(std::string_view name) const noexcept;
  [[nodiscard]] const Variable* find_variable(std::string_view name) const noexcept;
  /// True when the variable's first dimension is unlimited.
  [[nodiscard]] bool is_record(const Variable& variable) const noexcept;
  /// Current extent of each of the variable's dimensions.
  [[nodiscard]] std::vector<std::size_t> shape_of(const Variable& variable) const;

  friend bool operator==(const FileSchema&, const FileSchema&) = default;
};

[[nodiscard]] std::string_view to_string(ValueType type) noexcept;
[[nodiscard]] const Attribute* find_attribute(const std::vector<Attribute>& attributes,
                                              std::string_view name) noexcept;
/// True for names this layer manages itself and refuses in a schema.
[[nodiscard]] bool is_reserved_attribute_name(std::string_view name) noexcept;

/// Every rule above that the schema breaks, one line each; empty when it is valid.
[[nodiscard]] std::vector<std::string> schema_problems(const FileSchema& schema);
/// Problems with a list of attributes (empty or duplicate names, reserved names).
[[nodiscard]] std::vector<std::string> attribute_problems(const std::vector<Attribute>& attributes,
                                                          std::string_view owner);
/// Throws InternalError listing schema_problems() when there is any.
void validate_schema(const FileSchema& schema);

}  // namespace seccoop::sim::io
