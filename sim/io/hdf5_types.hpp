#pragma once
// HDF5 datatypes for each ValueType. Files always use explicit little-endian standard types so
// that the bytes on disk do not depend on the machine that wrote them; memory uses native ones.
#include <hdf5.h>

#include <cstddef>
#include <optional>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/schema.hpp"

namespace seccoop::sim::io::detail {

/// Type stored in the file. Strings are variable-length UTF-8 (netCDF-4 `string`).
[[nodiscard]] DatatypeHandle file_type_for(ValueType type);
/// Type of the caller's buffer: native numbers, or `const char*` per string.
[[nodiscard]] DatatypeHandle memory_type_for(ValueType type);
/// Fixed-length, NUL-terminated UTF-8 text of `bytes` bytes (>= 1): netCDF reads it as a
/// text (NC_CHAR) attribute, which every netCDF tool shows as a plain string.
[[nodiscard]] DatatypeHandle fixed_text_type(std::size_t bytes);
/// Bytes per element in a chunk, for sizing chunks (a string stores a 16-byte heap reference).
[[nodiscard]] std::size_t stored_element_bytes(ValueType type) noexcept;
/// The ValueType of a dataset's type, or nothing when this layer does not write such a type.
[[nodiscard]] std::optional<ValueType> value_type_of(hid_t datatype);

}  // namespace seccoop::sim::io::detail
