#include "sim/io/chunk_assembly.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

#include "sim/io/chunk_filter.hpp"
#include "sim/io/dataset_io.hpp"
#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/hdf5_types.hpp"

namespace seccoop::sim::io::detail {

// H5Dwrite_chunk stores the bytes as given, and the file's types are little-endian
// (hdf5_types.hpp): the callers' native values are those bytes only on such a machine.
static_assert(std::endian::native == std::endian::little,
              "chunks are stored from native values: a big-endian build would need a byte swap");

std::size_t filtered_rows_per_chunk(hid_t dataset, const std::filesystem::path& path,
                                    std::string_view name) {
  const std::string operation = fmt::format("inspect variable '{}'", name);
  const DataspaceHandle space(check_id(H5Dget_space(dataset), path, operation));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  check_status(rank, path, operation);
  if (rank < 1) return 0;
  std::vector<hsize_t> extent(static_cast<std::size_t>(rank));
  check_status(H5Sget_simple_extent_dims(space.get(), extent.data(), nullptr), path, operation);
  const PropertyListHandle properties(check_id(H5Dget_create_plist(dataset), path, operation));
  if (H5Pget_layout(properties.get()) != H5D_CHUNKED) return 0;
  std::vector<hsize_t> chunk(extent.size());
  check_status(H5Pget_chunk(properties.get(), rank, chunk.data()), path, operation);
  if (!std::equal(chunk.begin() + 1, chunk.end(), extent.begin() + 1)) return 0;
  if (H5Pget_nfilters(properties.get()) != 2) return 0;
  const H5Z_filter_t expected[] = {H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE};
  for (unsigned index = 0; index < 2; ++index) {
    unsigned flags = 0;
    std::size_t values = 0;
    const H5Z_filter_t filter =
        H5Pget_filter2(properties.get(), index, &flags, &values, nullptr, 0, nullptr, nullptr);
    if (filter != expected[index]) return 0;
  }
  return static_cast<std::size_t>(chunk.front());
}

ChunkAssembly::ChunkAssembly(std::size_t rows_per_chunk, std::size_t row_bytes, ValueType type)
    : rows_per_chunk_(rows_per_chunk),
      row_bytes_(row_bytes),
      type_(type),
      held_(rows_per_chunk * row_bytes) {}

void ChunkAssembly::write(hid_t dataset, std::size_t first_row, std::size_t row_count,
                          std::span<const std::byte> bytes, std::size_t rows_in_dataset,
                          const std::filesystem::path& path, std::string_view name) {
  std::size_t done = 0;
  while (done < row_count) {
    const std::size_t row = first_row + done;
    const std::size_t chunk = row / rows_per_chunk_;
    const std::size_t within = row % rows_per_chunk_;
    const std::size_t rows = std::min(row_count - done, rows_per_chunk_ - within);
    const std::span<const std::byte> piece = bytes.subspan(done * row_bytes_, rows * row_bytes_);
    done += rows;
    if (held_rows_ == 0 || chunk != chunk_ || within != held_rows_) {
      write_held(dataset, path, name);
      const bool whole_chunk_ahead =
          within == 0 && (chunk + 1) * rows_per_chunk_ <= rows_in_dataset;
      if (!whole_chunk_ahead) {
        write_through_hdf5(dataset, row, rows, piece.data(), path, name);
        continue;
      }
      chunk_ = chunk;
      if (rows == rows_per_chunk_) {  // the whole chunk at once: no copy
        store_whole_chunk(dataset, piece, path, name);
        continue;
      }
    }
    std::ranges::copy(piece, held_.begin() + static_cast<std::ptrdiff_t>(within * row_bytes_));
    held_rows_ += rows;
    if (held_rows_ == rows_per_chunk_) {
      held_rows_ = 0;
      store_whole_chunk(dataset, held_, path, name);
    }
  }
}

void ChunkAssembly::write_held(hid_t dataset, const std::filesystem::path& path,
                               std::string_view name) {
  if (held_rows_ == 0) return;
  const std::size_t rows = held_rows_;
  held_rows_ = 0;  // not retried after a failure (the error names what failed)
  write_through_hdf5(dataset, chunk_ * rows_per_chunk_, rows, held_.data(), path, name);
}

void ChunkAssembly::write_through_hdf5(hid_t dataset, std::size_t first_row, std::size_t row_count,
                                       const std::byte* data, const std::filesystem::path& path,
                                       std::string_view name) const {
  const Selection selection = select_rows(dataset, RowRange{first_row, row_count}, path, name);
  const DatatypeHandle memory_type = memory_type_for(type_);
  write_selection(dataset, selection, memory_type.get(), data, path, name);
}

void ChunkAssembly::store_whole_chunk(hid_t dataset, std::span<const std::byte> chunk_bytes,
                                      const std::filesystem::path& path,
                                      std::string_view name) const {
  write_row_chunk(dataset, chunk_ * rows_per_chunk_, rows_per_chunk_,
                  filter_chunk(chunk_bytes, stored_element_bytes(type_)), path, name);
}

}  // namespace seccoop::sim::io::detail
