#include "sim/io/dataset_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "sim/config/diagnostics.hpp"
#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_types.hpp"

namespace seccoop::sim::io::detail {

Selection select_rows(hid_t dataset, std::optional<RowRange> rows,
                      const std::filesystem::path& path, std::string_view name) {
  const std::string operation = fmt::format("select rows of variable '{}'", name);
  Selection selection;
  selection.file_space = DataspaceHandle(check_id(H5Dget_space(dataset), path, operation));
  const int rank = H5Sget_simple_extent_ndims(selection.file_space.get());
  check_status(rank, path, operation);
  std::vector<hsize_t> extent(static_cast<std::size_t>(rank));
  check_status(H5Sget_simple_extent_dims(selection.file_space.get(), extent.data(), nullptr), path,
               operation);
  std::vector<hsize_t> start(extent.size(), 0);
  std::vector<hsize_t> count = extent;
  if (rows && !extent.empty()) {
    if (rows->first + rows->count > extent.front()) {
      throw InternalError(fmt::format("rows [{}, {}) of variable '{}' are outside its {} rows",
                                      rows->first, rows->first + rows->count, name,
                                      extent.front()));
    }
    start.front() = rows->first;
    count.front() = rows->count;
  }
  selection.elements = 1;
  for (hsize_t length : count) {
    selection.elements *= static_cast<std::size_t>(length);
  }
  if (!extent.empty()) {
    check_status(H5Sselect_hyperslab(selection.file_space.get(), H5S_SELECT_SET, start.data(),
                                     nullptr, count.data(), nullptr),
                 path, operation);
  }
  // The memory space has the selection's own shape, not a flat list of its elements: when the
  // two shapes differ, HDF5 maps every element to its chunk one by one (a third of a run's
  // writing cost in the profile); when they match, it maps whole hyperslabs.
  const hsize_t elements = selection.elements;
  hid_t memory_space = H5I_INVALID_HID;
  if (elements == 0) {
    memory_space = H5Screate(H5S_NULL);
  } else if (count.empty()) {
    memory_space = H5Screate_simple(1, &elements, nullptr);
  } else {
    memory_space = H5Screate_simple(rank, count.data(), nullptr);
  }
  selection.memory_space = DataspaceHandle(check_id(memory_space, path, operation));
  return selection;
}

namespace {

/// Transfer properties for variable-length strings: a conversion buffer sized to `elements`.
/// With the default (1 MiB) HDF5 allocates and zeroes a 1 MiB background buffer for every
/// string write or read, even of one row: 1.6% of a sweep's time, for one `run_scenario` row a
/// run (perf, 40-run sweep of the baseline).
PropertyListHandle string_transfer_properties(std::size_t elements,
                                              const std::filesystem::path& path) {
  // Any size holding one element of the largest type (a file hvl_t, 16 bytes) works: HDF5
  // converts in strips. 4 KiB at least keeps those strips few.
  constexpr std::size_t kBytesPerElement = 16;
  constexpr std::size_t kLeast = 4096;
  constexpr std::size_t kMost = std::size_t{1} << 20;  // HDF5's default
  const std::size_t bytes = std::clamp(elements * kBytesPerElement, kLeast, kMost);
  PropertyListHandle transfer(check_id(H5Pcreate(H5P_DATASET_XFER), path, "transfer strings"));
  check_status(H5Pset_buffer(transfer.get(), bytes, nullptr, nullptr), path, "transfer strings");
  return transfer;
}

}  // namespace

void write_selection(hid_t dataset, const Selection& selection, hid_t memory_type, const void* data,
                     const std::filesystem::path& path, std::string_view name, hid_t transfer) {
  if (selection.elements == 0) {
    return;
  }
  check_status(H5Dwrite(dataset, memory_type, selection.memory_space.get(),
                        selection.file_space.get(), transfer, data),
               path, fmt::format("write variable '{}'", name));
}

void write_strings(hid_t dataset, const Selection& selection, std::span<const std::string> values,
                   const std::filesystem::path& path, std::string_view name) {
  // HDF5 takes variable-length strings as an array of C strings; an embedded NUL ends one.
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& value : values) {
    pointers.push_back(value.c_str());
  }
  DatatypeHandle memory_type = memory_type_for(ValueType::string);
  const PropertyListHandle transfer = string_transfer_properties(selection.elements, path);
  write_selection(dataset, selection, memory_type.get(), pointers.data(), path, name,
                  transfer.get());
}

void write_row_chunk(hid_t dataset, std::size_t row, std::size_t row_count,
                     std::span<const std::byte> chunk, const std::filesystem::path& path,
                     std::string_view name) {
  const DataspaceHandle space(check_id(H5Dget_space(dataset), path, "write"));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  check_status(rank, path, "write");
  std::vector<hsize_t> offset(static_cast<std::size_t>(std::max(rank, 1)), 0);
  offset.front() = row;
  const std::string rows = row_count == 1 ? fmt::format("row {}", row)
                                          : fmt::format("rows {}-{}", row, row + row_count - 1);
  check_status(H5Dwrite_chunk(dataset, H5P_DEFAULT, 0, offset.data(), chunk.size(), chunk.data()),
               path, fmt::format("write {} of variable '{}'", rows, name));
}

template <typename T>
std::vector<T> read_numbers(hid_t dataset, const Selection& selection, hid_t memory_type,
                            const std::filesystem::path& path, std::string_view name) {
  std::vector<T> values(selection.elements);
  if (!values.empty()) {
    check_status(H5Dread(dataset, memory_type, selection.memory_space.get(),
                         selection.file_space.get(), H5P_DEFAULT, values.data()),
                 path, fmt::format("read variable '{}'", name));
  }
  return values;
}

template std::vector<double> read_numbers<double>(hid_t, const Selection&, hid_t,
                                                  const std::filesystem::path&, std::string_view);
template std::vector<std::int64_t> read_numbers<std::int64_t>(hid_t, const Selection&, hid_t,
                                                              const std::filesystem::path&,
                                                              std::string_view);

std::vector<std::string> read_strings(hid_t dataset, const Selection& selection,
                                      const std::filesystem::path& path, std::string_view name) {
  std::vector<std::string> values;
  if (selection.elements == 0) {
    return values;
  }
  DatatypeHandle memory_type = memory_type_for(ValueType::string);
  std::vector<char*> pointers(selection.elements, nullptr);
  const PropertyListHandle transfer = string_transfer_properties(selection.elements, path);
  check_status(H5Dread(dataset, memory_type.get(), selection.memory_space.get(),
                       selection.file_space.get(), transfer.get(), pointers.data()),
               path, fmt::format("read variable '{}'", name));
  values.reserve(pointers.size());
  for (const char* pointer : pointers) {
    values.emplace_back(pointer == nullptr ? "" : pointer);
  }
  // HDF5 allocated each string; give them back with the same type and memory space.
  static_cast<void>(H5Dvlen_reclaim(memory_type.get(), selection.memory_space.get(), H5P_DEFAULT,
                                    pointers.data()));
  return values;
}

}  // namespace seccoop::sim::io::detail
