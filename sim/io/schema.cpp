#include "sim/io/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim::io {

namespace {

// Written by H5DS (dimension scales) or read specially by netCDF-C and h5netcdf.
constexpr std::array<std::string_view, 10> kReservedAttributeNames = {
    "CLASS",         "NAME",          "DIMENSION_LIST",      "REFERENCE_LIST", "_FillValue",
    "_NCProperties", "_Netcdf4Dimid", "_Netcdf4Coordinates", "_nc3_strict",    "_IsNetcdf4"};

bool is_valid_name(std::string_view name) {
  return !name.empty() && name != "." && name.find('/') == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

void check_text_attribute(const Variable& variable, std::string_view name,
                          std::vector<std::string>& problems) {
  const Attribute* attribute = find_attribute(variable.attributes, name);
  if (attribute == nullptr || !std::holds_alternative<std::string>(attribute->value) ||
      std::get<std::string>(attribute->value).empty()) {
    problems.push_back(
        fmt::format("variable '{}' needs a non-empty text attribute '{}'", variable.name, name));
  }
}

void check_dimensions_of(const FileSchema& schema, const Variable& variable,
                         std::vector<std::string>& problems) {
  if (variable.dimensions.empty()) {
    problems.push_back(fmt::format("variable '{}' has no dimensions", variable.name));
  }
  for (std::size_t axis = 0; axis < variable.dimensions.size(); ++axis) {
    const Dimension* dimension = schema.find_dimension(variable.dimensions[axis]);
    if (dimension == nullptr) {
      problems.push_back(fmt::format("variable '{}' uses undeclared dimension '{}'", variable.name,
                                     variable.dimensions[axis]));
    } else if (dimension->unlimited && axis != 0) {
      problems.push_back(fmt::format("variable '{}': unlimited dimension '{}' must come first",
                                     variable.name, dimension->name));
    }
  }
  if (!variable.chunk_shape.empty()) {
    if (variable.chunk_shape.size() != variable.dimensions.size() ||
        std::ranges::find(variable.chunk_shape, std::size_t{0}) != variable.chunk_shape.end()) {
      problems.push_back(fmt::format(
          "variable '{}': chunk_shape needs one positive size per dimension", variable.name));
    }
  }
}

}  // namespace

const Dimension* FileSchema::find_dimension(std::string_view name) const noexcept {
  auto found = std::ranges::find(dimensions, name, &Dimension::name);
  return found == dimensions.end() ? nullptr : &*found;
}

const Variable* FileSchema::find_variable(std::string_view name) const noexcept {
  auto found = std::ranges::find(variables, name, &Variable::name);
  return found == variables.end() ? nullptr : &*found;
}

bool FileSchema::is_record(const Variable& variable) const noexcept {
  if (variable.dimensions.empty()) {
    return false;
  }
  const Dimension* first = find_dimension(variable.dimensions.front());
  return first != nullptr && first->unlimited;
}

std::vector<std::size_t> FileSchema::shape_of(const Variable& variable) const {
  std::vector<std::size_t> shape;
  shape.reserve(variable.dimensions.size());
  for (const auto& name : variable.dimensions) {
    const Dimension* dimension = find_dimension(name);
    if (dimension == nullptr) {
      throw InternalError(
          fmt::format("variable '{}' uses undeclared dimension '{}'", variable.name, name));
    }
    shape.push_back(dimension->size);
  }
  return shape;
}

std::string_view to_string(ValueType type) noexcept {
  switch (type) {
    case ValueType::float64:
      return "float64";
    case ValueType::float32:
      return "float32";
    case ValueType::int64:
      return "int64";
    case ValueType::int32:
      return "int32";
    case ValueType::int8:
      return "int8";
    case ValueType::uint8:
      return "uint8";
    case ValueType::string:
      return "string";
  }
  return "unknown";
}

const Attribute* find_attribute(const std::vector<Attribute>& attributes,
                                std::string_view name) noexcept {
  auto found = std::ranges::find(attributes, name, &Attribute::name);
  return found == attributes.end() ? nullptr : &*found;
}

bool is_reserved_attribute_name(std::string_view name) noexcept {
  return std::ranges::find(kReservedAttributeNames, name) != kReservedAttributeNames.end();
}

std::vector<std::string> attribute_problems(const std::vector<Attribute>& attributes,
                                            std::string_view owner) {
  std::vector<std::string> problems;
  std::set<std::string_view> seen;
  for (const auto& attribute : attributes) {
    if (attribute.name.empty() || attribute.name.find('\0') != std::string::npos) {
      problems.push_back(fmt::format("{}: attribute with an empty or invalid name", owner));
    } else if (is_reserved_attribute_name(attribute.name)) {
      problems.push_back(fmt::format("{}: attribute name '{}' is reserved for HDF5/netCDF", owner,
                                     attribute.name));
    } else if (!seen.insert(attribute.name).second) {
      problems.push_back(fmt::format("{}: duplicate attribute '{}'", owner, attribute.name));
    }
  }
  return problems;
}

std::vector<std::string> schema_problems(const FileSchema& schema) {
  std::vector<std::string> problems;
  std::set<std::string_view> names;
  for (const auto& dimension : schema.dimensions) {
    if (!is_valid_name(dimension.name) || !names.insert(dimension.name).second) {
      problems.push_back(fmt::format("dimension name '{}' is invalid or repeated", dimension.name));
    }
    if (!dimension.unlimited && dimension.size == 0) {
      problems.push_back(fmt::format(
          "fixed dimension '{}' has size 0; leave out the variables over it", dimension.name));
    }
    const Variable* coordinate = schema.find_variable(dimension.name);
    if (coordinate == nullptr || coordinate->dimensions != std::vector{dimension.name}) {
      problems.push_back(fmt::format("dimension '{}' needs a coordinate variable '{}({})'",
                                     dimension.name, dimension.name, dimension.name));
    }
  }
  names.clear();
  for (const auto& variable : schema.variables) {
    if (!is_valid_name(variable.name) || !names.insert(variable.name).second) {
      problems.push_back(fmt::format("variable name '{}' is invalid or repeated", variable.name));
    }
    check_dimensions_of(schema, variable, problems);
    check_text_attribute(variable, "units", problems);
    check_text_attribute(variable, "long_name", problems);
    auto more = attribute_problems(variable.attributes, "variable '" + variable.name + "'");
    problems.insert(problems.end(), more.begin(), more.end());
  }
  return problems;
}

void validate_schema(const FileSchema& schema) {
  auto problems = schema_problems(schema);
  if (problems.empty()) {
    return;
  }
  std::string text = "invalid results-file schema:";
  for (const auto& problem : problems) {
    text += "\n  " + problem;
  }
  throw InternalError(text);
}

}  // namespace seccoop::sim::io
