#include "sim/io/schema_from_file.hpp"

#include <fmt/format.h>
#include <hdf5_hl.h>

#include <string>

#include "sim/io/hdf5_attributes.hpp"
#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/hdf5_types.hpp"
#include "sim/io/io_error.hpp"

namespace seccoop::sim::io::detail {

namespace {

herr_t collect_dataset_name(hid_t group, const char* name, const H5L_info_t* /*info*/, void* data) {
  ObjectHandle object(H5Oopen(group, name, H5P_DEFAULT));
  if (object.valid() && H5Iget_type(object.get()) == H5I_DATASET) {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  }
  return 0;
}

std::vector<std::string> dataset_names(hid_t file, const std::filesystem::path& path) {
  std::vector<std::string> names;
  hsize_t position = 0;
  if (H5Literate(file, H5_INDEX_CRT_ORDER, H5_ITER_INC, &position, collect_dataset_name, &names) >=
      0) {
    return names;
  }
  static_cast<void>(H5Eclear2(H5E_DEFAULT));  // no creation order: not written by us
  names.clear();
  position = 0;
  check_status(
      H5Literate(file, H5_INDEX_NAME, H5_ITER_INC, &position, collect_dataset_name, &names), path,
      "list the variables");
  return names;
}

std::string scale_name(hid_t scale) {
  const ssize_t length = H5DSget_scale_name(scale, nullptr, 0);
  if (length <= 0) {
    return {};
  }
  std::string name(static_cast<std::size_t>(length) + 1, '\0');
  static_cast<void>(H5DSget_scale_name(scale, name.data(), name.size()));
  name.resize(static_cast<std::size_t>(length));
  return name;
}

herr_t take_scale_name(hid_t /*dataset*/, unsigned /*axis*/, hid_t scale, void* data) {
  *static_cast<std::string*>(data) = scale_name(scale);
  return 1;  // the first attached scale names the axis
}

struct Extent {
  std::vector<hsize_t> current;
  std::vector<hsize_t> maximum;
};

Extent extent_of(hid_t dataset, const std::filesystem::path& path, const std::string& operation) {
  DataspaceHandle space(check_id(H5Dget_space(dataset), path, operation));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  check_status(rank, path, operation);
  Extent extent{std::vector<hsize_t>(static_cast<std::size_t>(rank)),
                std::vector<hsize_t>(static_cast<std::size_t>(rank))};
  check_status(H5Sget_simple_extent_dims(space.get(), extent.current.data(), extent.maximum.data()),
               path, operation);
  return extent;
}

std::vector<std::size_t> chunk_shape_of(hid_t dataset, std::size_t rank) {
  PropertyListHandle properties(H5Dget_create_plist(dataset));
  if (!properties.valid() || H5Pget_layout(properties.get()) != H5D_CHUNKED) {
    return {};
  }
  std::vector<hsize_t> chunk(rank);
  if (H5Pget_chunk(properties.get(), static_cast<int>(rank), chunk.data()) < 0) {
    return {};
  }
  return {chunk.begin(), chunk.end()};
}

void read_dataset(hid_t file, const std::string& name, const std::filesystem::path& path,
                  FileSchema& schema) {
  const std::string operation = fmt::format("read the description of variable '{}'", name);
  DatasetHandle dataset(check_id(H5Dopen2(file, name.c_str(), H5P_DEFAULT), path, operation));
  DatatypeHandle type(check_id(H5Dget_type(dataset.get()), path, operation));
  const auto value_type = value_type_of(type.get());
  if (!value_type) {
    throw IoError(path, operation, "its HDF5 type is not one a seccoop results file uses");
  }
  const Extent extent = extent_of(dataset.get(), path, operation);
  Variable variable{.name = name, .type = *value_type};
  if (H5DSis_scale(dataset.get()) > 0) {
    if (extent.current.size() != 1) {
      throw IoError(path, operation, "a dimension scale must be one-dimensional");
    }
    std::string dimension_name = scale_name(dataset.get());
    if (dimension_name.empty()) {
      dimension_name = name;
    }
    schema.dimensions.push_back(
        Dimension{dimension_name, extent.current[0], extent.maximum[0] == H5S_UNLIMITED});
    variable.dimensions.push_back(std::move(dimension_name));
  } else {
    for (unsigned axis = 0; axis < extent.current.size(); ++axis) {
      std::string dimension_name;
      if (H5DSiterate_scales(dataset.get(), axis, nullptr, take_scale_name, &dimension_name) < 0 ||
          dimension_name.empty()) {
        static_cast<void>(H5Eclear2(H5E_DEFAULT));
        throw IoError(path, operation,
                      fmt::format("axis {} has no dimension scale attached", axis));
      }
      variable.dimensions.push_back(std::move(dimension_name));
    }
  }
  variable.attributes = read_attributes(dataset.get(), path, "variable '" + name + "'");
  variable.chunk_shape = chunk_shape_of(dataset.get(), extent.current.size());
  schema.variables.push_back(std::move(variable));
}

}  // namespace

FileContents read_file_contents(hid_t file, const std::filesystem::path& path) {
  FileContents contents;
  for (const auto& name : dataset_names(file, path)) {
    read_dataset(file, name, path, contents.schema);
  }
  for (const auto& variable : contents.schema.variables) {
    for (const auto& dimension : variable.dimensions) {
      if (contents.schema.find_dimension(dimension) == nullptr) {
        throw IoError(path, "read the file's dimensions",
                      fmt::format("variable '{}' uses dimension '{}', which has no coordinate "
                                  "variable",
                                  variable.name, dimension));
      }
    }
  }
  contents.global_attributes = read_attributes(file, path, "the file");
  return contents;
}

}  // namespace seccoop::sim::io::detail
