#pragma once
// Rebuilds the FileSchema of an existing results file (for the reader and for resuming a
// partial file): variables are the root group's datasets in creation order, their dimensions
// come from the dimension scales attached to each axis, as netCDF-4 readers find them.
#include <hdf5.h>

#include <filesystem>
#include <vector>

#include "sim/io/schema.hpp"

namespace seccoop::sim::io::detail {

struct FileContents {
  FileSchema schema;
  std::vector<Attribute> global_attributes;
};

/// Throws IoError when the file is not laid out as this layer writes it (a dataset of an
/// unsupported type, an axis without a dimension scale, an unknown dimension).
[[nodiscard]] FileContents read_file_contents(hid_t file, const std::filesystem::path& path);

}  // namespace seccoop::sim::io::detail
