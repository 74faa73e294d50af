#include "sim/io/hdf5_attributes.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/hdf5_types.hpp"

namespace seccoop::sim::io::detail {

namespace {

struct Target {
  hid_t owner;
  const std::filesystem::path& path;
  std::string operation;
};

void create_and_write(const Target& target, const std::string& name, hid_t file_type, hid_t space,
                      hid_t memory_type, const void* data) {
  AttributeHandle attribute(
      H5Acreate2(target.owner, name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT));
  check_id(attribute.get(), target.path, target.operation);
  if (data != nullptr) {
    check_status(H5Awrite(attribute.get(), memory_type, data), target.path, target.operation);
  }
}

template <typename Number>
void write_numbers(const Target& target, const std::string& name, const std::vector<Number>& values,
                   bool scalar, hid_t file_type, hid_t memory_type) {
  const hsize_t count = values.size();
  DataspaceHandle space(scalar           ? H5Screate(H5S_SCALAR)
                        : values.empty() ? H5Screate(H5S_NULL)
                                         : H5Screate_simple(1, &count, nullptr));
  check_id(space.get(), target.path, target.operation);
  create_and_write(target, name, file_type, space.get(), memory_type,
                   values.empty() ? nullptr : values.data());
}

std::optional<std::string> read_text(hid_t attribute, hid_t type, hssize_t points) {
  if (points != 1) {
    return std::nullopt;  // arrays of strings: never written by this layer
  }
  DataspaceHandle space(H5Aget_space(attribute));
  if (H5Tis_variable_str(type) > 0) {
    DatatypeHandle memory_type = memory_type_for(ValueType::string);
    char* text = nullptr;
    if (H5Aread(attribute, memory_type.get(), static_cast<void*>(&text)) < 0) {
      return std::nullopt;
    }
    std::string value = text == nullptr ? std::string() : std::string(text);
    static_cast<void>(H5Dvlen_reclaim(memory_type.get(), space.get(), H5P_DEFAULT, &text));
    return value;
  }
  std::string buffer(H5Tget_size(type), '\0');
  if (H5Aread(attribute, type, buffer.data()) < 0) {
    return std::nullopt;
  }
  buffer.resize(buffer.find('\0') == std::string::npos ? buffer.size() : buffer.find('\0'));
  if (H5Tget_strpad(type) == H5T_STR_SPACEPAD) {
    buffer.erase(buffer.find_last_not_of(' ') + 1);
  }
  return buffer;
}

template <typename Number>
std::optional<AttributeValue> read_numbers(hid_t attribute, hid_t memory_type, hssize_t points,
                                           bool scalar) {
  std::vector<Number> values(static_cast<std::size_t>(points));
  if (!values.empty() && H5Aread(attribute, memory_type, values.data()) < 0) {
    return std::nullopt;
  }
  if (scalar) {
    return AttributeValue(values.at(0));
  }
  return AttributeValue(std::move(values));
}

std::optional<AttributeValue> read_value(hid_t attribute) {
  DatatypeHandle type(H5Aget_type(attribute));
  DataspaceHandle space(H5Aget_space(attribute));
  if (!type.valid() || !space.valid()) {
    return std::nullopt;
  }
  const H5S_class_t shape = H5Sget_simple_extent_type(space.get());
  const hssize_t points = shape == H5S_NULL ? 0 : H5Sget_simple_extent_npoints(space.get());
  const bool scalar = shape == H5S_SCALAR;
  switch (H5Tget_class(type.get())) {
    case H5T_STRING: {
      auto text = read_text(attribute, type.get(), points);
      return text ? std::optional<AttributeValue>(std::move(*text)) : std::nullopt;
    }
    case H5T_FLOAT:
      return read_numbers<double>(attribute, H5T_NATIVE_DOUBLE, points, scalar);
    case H5T_INTEGER:
      return read_numbers<std::int64_t>(attribute, H5T_NATIVE_INT64, points, scalar);
    default:
      return std::nullopt;
  }
}

herr_t collect_attribute(hid_t owner, const char* name, const H5A_info_t* /*info*/, void* data) {
  auto* attributes = static_cast<std::vector<Attribute>*>(data);
  if (is_reserved_attribute_name(name)) {
    return 0;
  }
  AttributeHandle attribute(H5Aopen(owner, name, H5P_DEFAULT));
  if (!attribute.valid()) {
    return -1;
  }
  if (auto value = read_value(attribute.get())) {
    attributes->push_back(Attribute{name, std::move(*value)});
  }
  return 0;
}

}  // namespace

void write_attribute(hid_t owner, const Attribute& attribute, hid_t numeric_file_type,
                     const std::filesystem::path& path, std::string_view owner_name) {
  const Target target{owner, path,
                      fmt::format("write attribute '{}' of {}", attribute.name, owner_name)};
  const std::string& name = attribute.name;
  if (H5Aexists(owner, name.c_str()) > 0) {
    check_status(H5Adelete(owner, name.c_str()), path, target.operation);
  }
  const bool typed = numeric_file_type >= 0;
  std::visit(
      [&](const auto& value) {
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, std::string>) {
          DatatypeHandle type = fixed_text_type(value.size());
          DataspaceHandle space(H5Screate(H5S_SCALAR));
          create_and_write(target, name, type.get(), space.get(), type.get(), value.c_str());
        } else if constexpr (std::is_same_v<Value, double>) {
          write_numbers(target, name, std::vector{value}, true,
                        typed ? numeric_file_type : H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE);
        } else if constexpr (std::is_same_v<Value, std::int64_t>) {
          write_numbers(target, name, std::vector{value}, true,
                        typed ? numeric_file_type : H5T_STD_I64LE, H5T_NATIVE_INT64);
        } else if constexpr (std::is_same_v<Value, std::vector<double>>) {
          write_numbers(target, name, value, false, typed ? numeric_file_type : H5T_IEEE_F64LE,
                        H5T_NATIVE_DOUBLE);
        } else {
          write_numbers(target, name, value, false, typed ? numeric_file_type : H5T_STD_I64LE,
                        H5T_NATIVE_INT64);
        }
      },
      attribute.value);
}

std::vector<Attribute> read_attributes(hid_t owner, const std::filesystem::path& path,
                                       std::string_view owner_name) {
  std::vector<Attribute> attributes;
  hsize_t position = 0;
  // Creation order is tracked in our files; files from other writers may only have name order.
  if (H5Aiterate2(owner, H5_INDEX_CRT_ORDER, H5_ITER_INC, &position, collect_attribute,
                  &attributes) >= 0) {
    return attributes;
  }
  static_cast<void>(H5Eclear2(H5E_DEFAULT));
  attributes.clear();
  position = 0;
  check_status(
      H5Aiterate2(owner, H5_INDEX_NAME, H5_ITER_INC, &position, collect_attribute, &attributes),
      path, fmt::format("read the attributes of {}", owner_name));
  return attributes;
}

}  // namespace seccoop::sim::io::detail
