#include "sim/io/hdf5_types.hpp"

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim::io::detail {

namespace {

// Copies, so that every returned handle may be closed (predefined types must not be).
DatatypeHandle copy_of(hid_t predefined) { return DatatypeHandle(H5Tcopy(predefined)); }

DatatypeHandle variable_utf8_string() {
  DatatypeHandle type = copy_of(H5T_C_S1);
  if (H5Tset_size(type.get(), H5T_VARIABLE) < 0 || H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0) {
    throw InternalError("HDF5 refused to build the variable-length UTF-8 string type");
  }
  return type;
}

}  // namespace

DatatypeHandle file_type_for(ValueType type) {
  switch (type) {
    case ValueType::float64:
      return copy_of(H5T_IEEE_F64LE);
    case ValueType::float32:
      return copy_of(H5T_IEEE_F32LE);
    case ValueType::int64:
      return copy_of(H5T_STD_I64LE);
    case ValueType::int32:
      return copy_of(H5T_STD_I32LE);
    case ValueType::int8:
      return copy_of(H5T_STD_I8LE);
    case ValueType::uint8:
      return copy_of(H5T_STD_U8LE);
    case ValueType::string:
      return variable_utf8_string();
  }
  throw InternalError("file_type_for: unknown ValueType");
}

DatatypeHandle memory_type_for(ValueType type) {
  switch (type) {
    case ValueType::float64:
      return copy_of(H5T_NATIVE_DOUBLE);
    case ValueType::float32:
      return copy_of(H5T_NATIVE_FLOAT);
    case ValueType::int64:
      return copy_of(H5T_NATIVE_INT64);
    case ValueType::int32:
      return copy_of(H5T_NATIVE_INT32);
    case ValueType::int8:
      return copy_of(H5T_NATIVE_INT8);
    case ValueType::uint8:
      return copy_of(H5T_NATIVE_UINT8);
    case ValueType::string:
      return variable_utf8_string();
  }
  throw InternalError("memory_type_for: unknown ValueType");
}

DatatypeHandle fixed_text_type(std::size_t bytes) {
  DatatypeHandle type = copy_of(H5T_C_S1);
  if (H5Tset_size(type.get(), bytes == 0 ? 1 : bytes) < 0 ||
      H5Tset_strpad(type.get(), H5T_STR_NULLTERM) < 0 ||
      H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0) {
    throw InternalError("HDF5 refused to build a fixed-length UTF-8 string type");
  }
  return type;
}

std::size_t stored_element_bytes(ValueType type) noexcept {
  switch (type) {
    case ValueType::float64:
    case ValueType::int64:
      return 8;
    case ValueType::float32:
    case ValueType::int32:
      return 4;
    case ValueType::int8:
    case ValueType::uint8:
      return 1;
    case ValueType::string:
      return 16;
  }
  return 8;
}

std::optional<ValueType> value_type_of(hid_t datatype) {
  const std::size_t size = H5Tget_size(datatype);
  const H5T_class_t type_class = H5Tget_class(datatype);
  if (type_class == H5T_FLOAT && size == 8) {
    return ValueType::float64;
  }
  if (type_class == H5T_FLOAT && size == 4) {
    return ValueType::float32;
  }
  if (type_class == H5T_STRING && H5Tis_variable_str(datatype) > 0) {
    return ValueType::string;
  }
  if (type_class != H5T_INTEGER) {
    return std::nullopt;
  }
  const bool is_signed = H5Tget_sign(datatype) == H5T_SGN_2;
  if (size == 1) {
    return is_signed ? ValueType::int8 : ValueType::uint8;
  }
  if (is_signed && size == 4) {
    return ValueType::int32;
  }
  if (is_signed && size == 8) {
    return ValueType::int64;
  }
  return std::nullopt;
}

}  // namespace seccoop::sim::io::detail
