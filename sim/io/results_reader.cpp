#include "sim/io/results_reader.hpp"

#include <fmt/format.h>

#include <optional>

#include "sim/io/chunk_layout.hpp"
#include "sim/io/dataset_io.hpp"
#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/schema_from_file.hpp"

namespace seccoop::sim::io {

namespace fs = std::filesystem;

struct ResultsReader::Impl {
  fs::path path;
  detail::FileHandle file;
  detail::FileContents contents;

  // Opens the dataset after checking it holds `wanted` kind of values.
  [[nodiscard]] detail::DatasetHandle open(std::string_view name, bool (*accepts)(ValueType),
                                           std::string_view wanted) const {
    const Variable* variable = contents.schema.find_variable(name);
    if (variable == nullptr) {
      throw IoError(path, fmt::format("read variable '{}'", name), "the file has no such variable");
    }
    if (!accepts(variable->type)) {
      throw IoError(path, fmt::format("read variable '{}' as {}", name, wanted),
                    fmt::format("it holds {} values", to_string(variable->type)));
    }
    detail::silence_hdf5_error_printing();
    return detail::DatasetHandle(
        detail::check_id(H5Dopen2(file.get(), variable->name.c_str(), H5P_DEFAULT), path,
                         fmt::format("open variable '{}'", name)));
  }

  template <typename T>
  [[nodiscard]] std::vector<T> numbers(std::string_view name, std::optional<detail::RowRange> rows,
                                       bool (*accepts)(ValueType), std::string_view wanted,
                                       hid_t memory_type) const {
    detail::DatasetHandle dataset = open(name, accepts, wanted);
    const detail::Selection selection = detail::select_rows(dataset.get(), rows, path, name);
    return detail::read_numbers<T>(dataset.get(), selection, memory_type, path, name);
  }

  [[nodiscard]] std::vector<std::string> strings(std::string_view name,
                                                 std::optional<detail::RowRange> rows) const {
    detail::DatasetHandle dataset = open(
        name, [](ValueType type) { return type == ValueType::string; }, "strings");
    const detail::Selection selection = detail::select_rows(dataset.get(), rows, path, name);
    return detail::read_strings(dataset.get(), selection, path, name);
  }
};

namespace {

bool is_number(ValueType type) { return type != ValueType::string; }

bool is_integer(ValueType type) {
  return type == ValueType::int64 || type == ValueType::int32 || type == ValueType::int8 ||
         type == ValueType::uint8;
}

}  // namespace

ResultsReader::ResultsReader(const fs::path& path) : impl_(std::make_unique<Impl>()) {
  detail::silence_hdf5_error_printing();
  impl_->path = path;
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw IoError(path, "open",
                  fs::is_directory(path, error) ? "it is a directory" : "no such file");
  }
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    static_cast<void>(H5Eclear2(H5E_DEFAULT));
    throw IoError(path, "open", "not an HDF5 file");
  }
  // The writer's small metadata cache (chunk_layout.hpp): reading a long sweep's runs in order
  // would otherwise fill HDF5's default cache with chunk-index nodes, ~20 KiB of heap each.
  const detail::PropertyListHandle access = detail::make_file_access_properties();
  impl_->file = detail::FileHandle(
      detail::check_id(H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get()), path, "open"));
  impl_->contents = detail::read_file_contents(impl_->file.get(), path);
}

ResultsReader::ResultsReader(ResultsReader&&) noexcept = default;
ResultsReader& ResultsReader::operator=(ResultsReader&&) noexcept = default;
ResultsReader::~ResultsReader() = default;

const fs::path& ResultsReader::path() const { return impl_->path; }
const FileSchema& ResultsReader::schema() const { return impl_->contents.schema; }

std::size_t ResultsReader::dimension_size(std::string_view dimension) const {
  const Dimension* found = impl_->contents.schema.find_dimension(dimension);
  if (found == nullptr) {
    throw IoError(impl_->path, fmt::format("read dimension '{}'", dimension),
                  "the file has no such dimension");
  }
  return found->size;
}

const Variable& ResultsReader::variable(std::string_view name) const {
  const Variable* found = impl_->contents.schema.find_variable(name);
  if (found == nullptr) {
    throw IoError(impl_->path, fmt::format("read variable '{}'", name),
                  "the file has no such variable");
  }
  return *found;
}

const std::vector<Attribute>& ResultsReader::global_attributes() const {
  return impl_->contents.global_attributes;
}

std::string ResultsReader::global_text_attribute(std::string_view name) const {
  const Attribute* found = find_attribute(impl_->contents.global_attributes, name);
  if (found == nullptr || !std::holds_alternative<std::string>(found->value)) {
    throw IoError(impl_->path, fmt::format("read global attribute '{}'", name),
                  found == nullptr ? "the file has no such attribute" : "it is not text");
  }
  return std::get<std::string>(found->value);
}

std::vector<double> ResultsReader::read_doubles(std::string_view variable) const {
  return impl_->numbers<double>(variable, std::nullopt, is_number, "numbers", H5T_NATIVE_DOUBLE);
}

std::vector<double> ResultsReader::read_doubles(std::string_view variable, std::size_t first_row,
                                                std::size_t row_count) const {
  return impl_->numbers<double>(variable, detail::RowRange{first_row, row_count}, is_number,
                                "numbers", H5T_NATIVE_DOUBLE);
}

std::vector<std::int64_t> ResultsReader::read_int64s(std::string_view variable) const {
  return impl_->numbers<std::int64_t>(variable, std::nullopt, is_integer, "integers",
                                      H5T_NATIVE_INT64);
}

std::vector<std::int64_t> ResultsReader::read_int64s(std::string_view variable,
                                                     std::size_t first_row,
                                                     std::size_t row_count) const {
  return impl_->numbers<std::int64_t>(variable, detail::RowRange{first_row, row_count}, is_integer,
                                      "integers", H5T_NATIVE_INT64);
}

std::vector<std::string> ResultsReader::read_strings(std::string_view variable) const {
  return impl_->strings(variable, std::nullopt);
}

std::vector<std::string> ResultsReader::read_strings(std::string_view variable,
                                                     std::size_t first_row,
                                                     std::size_t row_count) const {
  return impl_->strings(variable, detail::RowRange{first_row, row_count});
}

void ResultsReader::check_chunk_index(std::string_view name, std::size_t first_row,
                                      std::size_t row_count) const {
  const fs::path& path = impl_->path;
  const std::string action = fmt::format("look up the chunks of variable '{}'", name);
  const detail::DatasetHandle dataset = impl_->open(
      name, [](ValueType) { return true; }, "any values");
  const detail::PropertyListHandle creation(
      detail::check_id(H5Dget_create_plist(dataset.get()), path, action));
  const int rank = H5Pget_chunk(creation.get(), 0, nullptr);
  if (rank <= 0) throw IoError(path, action, "it is not chunked");
  std::vector<hsize_t> chunk(static_cast<std::size_t>(rank));
  detail::check_status(H5Pget_chunk(creation.get(), rank, chunk.data()), path, action);
  haddr_t end = 0;
  detail::check_status(H5Fget_eoa(impl_->file.get(), &end), path, action);
  std::vector<hsize_t> offset(chunk.size(), 0);
  for (hsize_t row = first_row / chunk[0] * chunk[0]; row < first_row + row_count;
       row += chunk[0]) {
    offset[0] = row;
    unsigned filters = 0;
    haddr_t address = HADDR_UNDEF;
    hsize_t size = 0;
    detail::check_status(
        H5Dget_chunk_info_by_coord(dataset.get(), offset.data(), &filters, &address, &size), path,
        action);
    if (address != HADDR_UNDEF && address + size > end) {
      throw IoError(path, action,
                    fmt::format("the chunk of row {} is indexed at bytes {}-{}, past the end of "
                                "the file HDF5 recorded ({} bytes)",
                                row, address, address + size, end));
    }
  }
}

}  // namespace seccoop::sim::io
