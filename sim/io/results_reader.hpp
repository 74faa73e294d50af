#pragma once
// ResultsReader opens a results file read-only (a committed file or a .partial left by a killed
// job) for `info`, `summarize`, `--resume` and `merge`: what it holds, and its values.
//
// A row range selects along a variable's first dimension (runs, events, weeks...). Asking for
// a variable, dimension or attribute the file lacks, or for numbers from a string variable, is
// an IoError (the file is the user's); rows outside the variable are an InternalError (callers
// check sizes first). HDF5 refuses to open a file that another process is writing.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/io_error.hpp"
#include "sim/io/schema.hpp"

namespace seccoop::sim::io {

class ResultsReader {
 public:
  /// Throws IoError when the file is missing, not HDF5 or not laid out as a results file.
  explicit ResultsReader(const std::filesystem::path& path);
  ResultsReader(ResultsReader&&) noexcept;
  ResultsReader& operator=(ResultsReader&&) noexcept;
  ResultsReader(const ResultsReader&) = delete;
  ResultsReader& operator=(const ResultsReader&) = delete;
  ~ResultsReader();

  [[nodiscard]] const std::filesystem::path& path() const;
  /// Dimensions (with their current sizes) and variables (dimensions, type, attributes).
  [[nodiscard]] const FileSchema& schema() const;
  [[nodiscard]] std::size_t dimension_size(std::string_view dimension) const;
  [[nodiscard]] const Variable& variable(std::string_view name) const;

  [[nodiscard]] const std::vector<Attribute>& global_attributes() const;
  /// A global text attribute, e.g. the resolved experiment YAML.
  [[nodiscard]] std::string global_text_attribute(std::string_view name) const;

  /// Every value of a numeric variable, row-major, converted to double.
  [[nodiscard]] std::vector<double> read_doubles(std::string_view variable) const;
  [[nodiscard]] std::vector<double> read_doubles(std::string_view variable, std::size_t first_row,
                                                 std::size_t row_count) const;
  /// Integer variables exactly (seeds do not fit a double's 53 bits).
  [[nodiscard]] std::vector<std::int64_t> read_int64s(std::string_view variable) const;
  [[nodiscard]] std::vector<std::int64_t> read_int64s(std::string_view variable,
                                                      std::size_t first_row,
                                                      std::size_t row_count) const;
  [[nodiscard]] std::vector<std::string> read_strings(std::string_view variable) const;
  [[nodiscard]] std::vector<std::string> read_strings(std::string_view variable,
                                                      std::size_t first_row,
                                                      std::size_t row_count) const;

  /// Walks the chunk index of record variable `name` for rows [first_row, first_row +
  /// row_count) without reading data, and throws IoError unless every chunk it finds ends
  /// within the file's recorded end (chunks never written are fine): what a kill in the middle
  /// of an HDF5 flush breaks. Needs HDF5 >= 1.10.5.
  void check_chunk_index(std::string_view name, std::size_t first_row, std::size_t row_count) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace seccoop::sim::io
