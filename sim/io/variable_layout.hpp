#pragma once
// Creates a schema's variables in a new file the way netCDF-4 lays them out: coordinates first,
// each made an HDF5 dimension scale named after its dimension and attached to every axis that
// uses the dimension (so no reader invents "phony_dim_N"), then the other variables.
#include <hdf5.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "sim/io/hdf5_handle.hpp"
#include "sim/io/schema.hpp"

namespace seccoop::sim::io::detail {

using DatasetMap = std::map<std::string, DatasetHandle, std::less<>>;

/// Creates every variable of a valid schema (validate_schema()) with its attributes and
/// dimension scales; returns the open datasets by name.
[[nodiscard]] DatasetMap create_variables(hid_t file, const FileSchema& schema,
                                          const std::filesystem::path& path);

/// Opens every variable of `schema` in an existing file.
[[nodiscard]] DatasetMap open_variables(hid_t file, const FileSchema& schema,
                                        const std::filesystem::path& path);

}  // namespace seccoop::sim::io::detail
