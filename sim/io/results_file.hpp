#pragma once
// ResultsFile writes one results file: HDF5 laid out as netCDF-4, so that xarray (h5netcdf and
// netcdf4 engines), ncdump, R hdf5r and MATLAB h5read open it with named dimensions.
//
// Life cycle: create() (or open_partial() to resume) -> resize() / write() / flush() as batches
// of runs finish -> commit(). Until commit() everything lives in "<final>.partial"; commit()
// renames it atomically, so the final name only ever holds a complete file. A killed job
// leaves the .partial, readable up to its last flush(), for `--resume`.
//
// Rows not yet written read as NaN (floats), 0 (integers) or "" (strings); the caller marks
// complete rows itself (a `completed` flag written last).
//
// Wrong use (unknown variable, wrong element type, wrong value count, rows past the end, a
// schema breaking schema.hpp's rules) is a code bug: InternalError. Failures of the file
// system or of HDF5 are IoError, naming the path and the operation. One thread at a time.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/io_error.hpp"
#include "sim/io/schema.hpp"

namespace seccoop::sim::io {

struct WriteOptions {
  /// Replace an existing final file, and start over from a leftover .partial at create().
  bool overwrite = false;
};

class ResultsFile {
 public:
  /// Creates "<final_path>.partial" with every dimension, variable and attribute of `schema`.
  /// Refuses (IoError) when final_path or the .partial already exists, unless overwriting,
  /// and when the directory is missing or not writable.
  [[nodiscard]] static ResultsFile create(const std::filesystem::path& final_path,
                                          const FileSchema& schema,
                                          const std::vector<Attribute>& global_attributes,
                                          WriteOptions options = {});
  /// Reopens "<final_path>.partial" left by an interrupted job, for writing the missing rows.
  [[nodiscard]] static ResultsFile open_partial(const std::filesystem::path& final_path,
                                                WriteOptions options = {});
  /// "<final_path>.partial": where the file lives until commit().
  [[nodiscard]] static std::filesystem::path partial_path_for(
      const std::filesystem::path& final_path);

  ResultsFile(ResultsFile&&) noexcept;
  ResultsFile& operator=(ResultsFile&&) noexcept;
  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;
  /// Closes the .partial without committing it (it stays on disk for --resume).
  ~ResultsFile();

  /// The schema, with the current sizes of unlimited dimensions.
  [[nodiscard]] const FileSchema& schema() const;
  [[nodiscard]] std::size_t dimension_size(std::string_view dimension) const;
  [[nodiscard]] const std::filesystem::path& final_path() const;
  [[nodiscard]] const std::filesystem::path& partial_path() const;

  /// Grows an unlimited dimension (and every variable along it) to `new_size` rows.
  void resize(std::string_view dimension, std::size_t new_size);

  /// Writes rows [first_row, first_row + row_count) of a record variable. `values` holds
  /// row_count x (product of the other dimensions) values, row-major, of the variable's type.
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const double> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::float64});
  }
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const float> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::float32});
  }
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const std::int64_t> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::int64});
  }
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const std::int32_t> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::int32});
  }
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const std::int8_t> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::int8});
  }
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const std::uint8_t> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::uint8});
  }
  /// Strings are stored up to their first NUL character.
  void write(std::string_view variable, std::size_t first_row, std::size_t row_count,
             std::span<const std::string> values) {
    write_rows(variable, first_row, row_count, {values.data(), values.size(), ValueType::string});
  }

  /// Writes all of a static variable (one whose first dimension is fixed), row-major.
  void write_static(std::string_view variable, std::span<const double> values) {
    write_all(variable, {values.data(), values.size(), ValueType::float64});
  }
  void write_static(std::string_view variable, std::span<const float> values) {
    write_all(variable, {values.data(), values.size(), ValueType::float32});
  }
  void write_static(std::string_view variable, std::span<const std::int64_t> values) {
    write_all(variable, {values.data(), values.size(), ValueType::int64});
  }
  void write_static(std::string_view variable, std::span<const std::int32_t> values) {
    write_all(variable, {values.data(), values.size(), ValueType::int32});
  }
  void write_static(std::string_view variable, std::span<const std::int8_t> values) {
    write_all(variable, {values.data(), values.size(), ValueType::int8});
  }
  void write_static(std::string_view variable, std::span<const std::uint8_t> values) {
    write_all(variable, {values.data(), values.size(), ValueType::uint8});
  }
  void write_static(std::string_view variable, std::span<const std::string> values) {
    write_all(variable, {values.data(), values.size(), ValueType::string});
  }

  /// Whether a row of the record variable `name` is one chunk that write_filtered_row() can store:
  /// numbers chunked one run at a time, shuffled and deflated (chunk_filter.hpp).
  [[nodiscard]] bool row_is_one_chunk(std::string_view name) const;
  /// Stores row `row` of `name` from filter_chunk() applied to the row's raw values (the
  /// product of its other dimensions, of its type). Only where row_is_one_chunk() holds.
  void write_filtered_row(std::string_view name, std::size_t row, std::span<const std::byte> chunk);
  /// Adds or replaces a global attribute (e.g. a count updated as runs finish).
  void set_attribute(const Attribute& attribute);
  /// Pushes everything written so far to disk: after it, a killed job loses nothing written.
  void flush();
  /// Flushes, closes and renames the .partial to the final name. Refuses (IoError, leaving the
  /// .partial in place) when the final file exists and overwriting was not requested. The
  /// object is closed afterwards; any further call is an InternalError.
  void commit();

 private:
  struct Impl;
  /// A typed view of the caller's buffer; `data` points to `count` values of `type`
  /// (std::string objects for ValueType::string).
  struct Values {
    const void* data;
    std::size_t count;
    ValueType type;
  };

  explicit ResultsFile(std::unique_ptr<Impl> impl);
  /// Stores rows still gathered for a whole chunk (sim/io/chunk_assembly.hpp) through HDF5,
  /// as a close would have stored rows in HDF5's chunk cache; errors are dropped.
  void write_held_rows_before_close() noexcept;
  void write_rows(std::string_view name, std::size_t first_row, std::size_t row_count,
                  Values values);
  void write_all(std::string_view name, Values values);
  [[nodiscard]] Impl& open_impl() const;

  std::unique_ptr<Impl> impl_;
};

}  // namespace seccoop::sim::io
