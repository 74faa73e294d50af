#include "sim/io/variable_layout.hpp"

#include <fmt/format.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <vector>

#include "sim/io/chunk_layout.hpp"
#include "sim/io/hdf5_attributes.hpp"
#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_types.hpp"

namespace seccoop::sim::io::detail {

namespace {

// CF: these must have the variable's own type (a flag_values of doubles on a byte variable
// confuses CF checkers and some plotting tools).
constexpr std::array<std::string_view, 6> kAttributesInVariableType = {
    "flag_values", "flag_masks", "valid_min", "valid_max", "valid_range", "missing_value"};

bool stored_in_variable_type(std::string_view attribute_name) {
  return std::ranges::find(kAttributesInVariableType, attribute_name) !=
         kAttributesInVariableType.end();
}

DatasetHandle create_dataset(hid_t file, const FileSchema& schema, const Variable& variable,
                             const std::filesystem::path& path) {
  const std::string operation = fmt::format("create variable '{}'", variable.name);
  const bool record = schema.is_record(variable);
  const std::vector<std::size_t> shape = schema.shape_of(variable);
  std::vector<hsize_t> current(shape.begin(), shape.end());
  std::vector<hsize_t> maximum = current;
  if (record) {
    maximum.front() = H5S_UNLIMITED;
  }
  DataspaceHandle space(
      check_id(H5Screate_simple(static_cast<int>(current.size()), current.data(), maximum.data()),
               path, operation));
  PropertyListHandle properties = make_dataset_creation_properties(variable, shape, record);
  DatatypeHandle type = file_type_for(variable.type);
  const PropertyListHandle access =
      make_dataset_access_properties(properties.get(), stored_element_bytes(variable.type));
  DatasetHandle dataset(check_id(H5Dcreate2(file, variable.name.c_str(), type.get(), space.get(),
                                            H5P_DEFAULT, properties.get(), access.get()),
                                 path, operation));
  const std::string owner = "variable '" + variable.name + "'";
  if (variable.type == ValueType::float64 || variable.type == ValueType::float32) {
    // netCDF tools (ncview, CDO, NCO) learn the missing value from this attribute.
    write_attribute(dataset.get(),
                    Attribute{"_FillValue", std::numeric_limits<double>::quiet_NaN()}, type.get(),
                    path, owner);
  }
  for (const auto& attribute : variable.attributes) {
    const bool typed =
        variable.type != ValueType::string && stored_in_variable_type(attribute.name);
    write_attribute(dataset.get(), attribute, typed ? type.get() : H5I_INVALID_HID, path, owner);
  }
  return dataset;
}

void attach_dimension_scales(const FileSchema& schema, const DatasetMap& datasets,
                             const std::filesystem::path& path) {
  for (const auto& dimension : schema.dimensions) {
    check_status(H5DSset_scale(datasets.find(dimension.name)->second.get(), dimension.name.c_str()),
                 path, fmt::format("make '{}' a dimension scale", dimension.name));
  }
  for (const auto& variable : schema.variables) {
    if (schema.find_dimension(variable.name) != nullptr) {
      continue;  // a coordinate variable is its own scale
    }
    for (unsigned axis = 0; axis < variable.dimensions.size(); ++axis) {
      const std::string& dimension = variable.dimensions[axis];
      check_status(H5DSattach_scale(datasets.find(variable.name)->second.get(),
                                    datasets.find(dimension)->second.get(), axis),
                   path,
                   fmt::format("attach dimension '{}' to variable '{}'", dimension, variable.name));
    }
  }
}

}  // namespace

DatasetMap create_variables(hid_t file, const FileSchema& schema,
                            const std::filesystem::path& path) {
  DatasetMap datasets;
  // Coordinates first: ncdump and xarray list variables in creation order.
  for (const auto& dimension : schema.dimensions) {
    datasets.emplace(dimension.name,
                     create_dataset(file, schema, *schema.find_variable(dimension.name), path));
  }
  for (const auto& variable : schema.variables) {
    if (!datasets.contains(variable.name)) {
      datasets.emplace(variable.name, create_dataset(file, schema, variable, path));
    }
  }
  attach_dimension_scales(schema, datasets, path);
  return datasets;
}

DatasetMap open_variables(hid_t file, const FileSchema& schema, const std::filesystem::path& path) {
  DatasetMap datasets;
  for (const auto& variable : schema.variables) {
    const std::string operation = "open variable '" + variable.name + "'";
    // The chunk cache is set when a dataset is opened, from its chunks as stored in the file.
    PropertyListHandle creation;
    {
      const DatasetHandle probe(
          check_id(H5Dopen2(file, variable.name.c_str(), H5P_DEFAULT), path, operation));
      creation = PropertyListHandle(check_id(H5Dget_create_plist(probe.get()), path, operation));
    }
    const PropertyListHandle access =
        make_dataset_access_properties(creation.get(), stored_element_bytes(variable.type));
    datasets.emplace(variable.name,
                     DatasetHandle(check_id(H5Dopen2(file, variable.name.c_str(), access.get()),
                                            path, operation)));
  }
  return datasets;
}

}  // namespace seccoop::sim::io::detail
