#pragma once
// Attributes as netCDF-4 readers expect them: text as a scalar fixed-length UTF-8 string (netCDF
// "char" text, shown by ncdump as `:title = "..."`), numbers as scalars, vectors as 1-D arrays,
// empty vectors with a null dataspace (as netCDF-C writes them).
#include <hdf5.h>

#include <filesystem>
#include <string_view>
#include <vector>

#include "sim/io/schema.hpp"

namespace seccoop::sim::io::detail {

/// Writes (or replaces) `attribute` on the HDF5 object `owner` (file, group or dataset).
/// Numbers are stored as `numeric_file_type` when it is a valid id (CF wants flag_values and
/// the like in the variable's type), otherwise as 64-bit floats or integers.
void write_attribute(hid_t owner, const Attribute& attribute, hid_t numeric_file_type,
                     const std::filesystem::path& path, std::string_view owner_name);

/// Attributes of `owner` in creation order, without the ones HDF5 dimension scales and netCDF
/// manage (is_reserved_attribute_name) and without kinds this layer never writes (compound,
/// arrays of strings, ...), which are skipped rather than failing a read of a foreign file.
[[nodiscard]] std::vector<Attribute> read_attributes(hid_t owner, const std::filesystem::path& path,
                                                     std::string_view owner_name);

}  // namespace seccoop::sim::io::detail
