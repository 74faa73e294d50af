#pragma once
// Rows gathered into whole chunks before they are stored.
//
// Record variables of one value a week are chunked 16 runs to a chunk (agents/output/
// run_blocks.hpp) and the writer gets runs one at a time. Written row by row with H5Dwrite,
// such a chunk waits in HDF5's chunk cache and is then shuffled and deflated by HDF5's own
// filters, in the single writer thread: half the writer's time in the profile of 50 baseline
// runs. Gathered here until whole, a chunk is compressed by filter_chunk() (which stores noise
// planes as they are and run-length codes the rest) and stored with one H5Dwrite_chunk.
// Readers get the same values: the bytes decode through the dataset's filters.
//
// A chunk is gathered only when its rows come in order from its first one and it lies wholly
// inside the dataset's extent; anything else (a row out of order, the last chunk of a dataset
// whose rows do not fill it) goes through H5Dwrite as before. write_held() stores a partial
// chunk that way: the results file calls it before every flush, so a flush still puts every
// row written so far on disk.
#include <hdf5.h>

#include <cstddef>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "sim/io/schema.hpp"

namespace seccoop::sim::io::detail {

/// The dataset's rows per chunk when its chunks hold whole rows (every other axis complete)
/// and its filters are shuffle then deflate, the pipeline filter_chunk() reproduces; else 0.
[[nodiscard]] std::size_t filtered_rows_per_chunk(hid_t dataset, const std::filesystem::path& path,
                                                  std::string_view name);

/// The chunk being gathered for one dataset.
class ChunkAssembly {
 public:
  /// `rows_per_chunk` from filtered_rows_per_chunk() (> 0); rows of `row_bytes` bytes made of
  /// numbers of type `type`.
  ChunkAssembly(std::size_t rows_per_chunk, std::size_t row_bytes, ValueType type);

  /// Writes rows [first_row, first_row + row_count) from `bytes` (the rows' values, native and
  /// so in the file's byte order). `rows_in_dataset` is the dataset's current extent along its
  /// first axis.
  void write(hid_t dataset, std::size_t first_row, std::size_t row_count,
             std::span<const std::byte> bytes, std::size_t rows_in_dataset,
             const std::filesystem::path& path, std::string_view name);

  /// Writes the rows gathered so far through H5Dwrite (their chunk is not whole yet).
  void write_held(hid_t dataset, const std::filesystem::path& path, std::string_view name);

  [[nodiscard]] bool holds_rows() const noexcept { return held_rows_ > 0; }

 private:
  void store_whole_chunk(hid_t dataset, std::span<const std::byte> chunk_bytes,
                         const std::filesystem::path& path, std::string_view name) const;
  /// Rows [first_row, first_row + row_count) through H5Dwrite (HDF5 filters their chunk).
  void write_through_hdf5(hid_t dataset, std::size_t first_row, std::size_t row_count,
                          const std::byte* data, const std::filesystem::path& path,
                          std::string_view name) const;

  std::size_t rows_per_chunk_;
  std::size_t row_bytes_;
  ValueType type_;
  std::size_t chunk_ = 0;      // the chunk being gathered (its first row / rows_per_chunk_)
  std::size_t held_rows_ = 0;  // its first held_rows_ rows are in held_
  std::vector<std::byte> held_;
};

}  // namespace seccoop::sim::io::detail
