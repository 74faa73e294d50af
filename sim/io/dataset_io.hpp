#pragma once
// Reading and writing blocks of rows (ranges along a dataset's first axis), shared by the
// writer and the reader. Buffers are flat and row-major, as C, NumPy and xarray lay them out.
#include <hdf5.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace seccoop::sim::io::detail {

struct RowRange {
  std::size_t first = 0;
  std::size_t count = 0;
};

/// Which elements of a dataset a read or write touches, and how many there are.
struct Selection {
  DataspaceHandle file_space;
  DataspaceHandle memory_space;
  std::size_t elements = 0;
};

/// Selects `rows` of `dataset` (every row when empty). A range past the current extent is a
/// code bug (InternalError): callers resize first, and readers check sizes first.
[[nodiscard]] Selection select_rows(hid_t dataset, std::optional<RowRange> rows,
                                    const std::filesystem::path& path, std::string_view name);

/// Writes `data` (selection.elements values of `memory_type`) into the selection, with the
/// transfer properties `transfer`.
void write_selection(hid_t dataset, const Selection& selection, hid_t memory_type, const void* data,
                     const std::filesystem::path& path, std::string_view name,
                     hid_t transfer = H5P_DEFAULT);
void write_strings(hid_t dataset, const Selection& selection, std::span<const std::string> values,
                   const std::filesystem::path& path, std::string_view name);

/// Stores `chunk` (filter_chunk()'s output) as the chunk of `dataset` holding rows [row,
/// row + row_count), `row` its first.
void write_row_chunk(hid_t dataset, std::size_t row, std::size_t row_count,
                     std::span<const std::byte> chunk, const std::filesystem::path& path,
                     std::string_view name);

/// Reads the selection, converted by HDF5 to `memory_type` (which must match T).
template <typename T>
[[nodiscard]] std::vector<T> read_numbers(hid_t dataset, const Selection& selection,
                                          hid_t memory_type, const std::filesystem::path& path,
                                          std::string_view name);
[[nodiscard]] std::vector<std::string> read_strings(hid_t dataset, const Selection& selection,
                                                    const std::filesystem::path& path,
                                                    std::string_view name);

}  // namespace seccoop::sim::io::detail
