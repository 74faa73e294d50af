#include "sim/io/results_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>

#include "sim/io/chunk_assembly.hpp"
#include "sim/io/chunk_layout.hpp"
#include "sim/io/dataset_io.hpp"
#include "sim/io/file_publish.hpp"
#include "sim/io/hdf5_attributes.hpp"
#include "sim/io/hdf5_errors.hpp"
#include "sim/io/hdf5_types.hpp"
#include "sim/io/schema_from_file.hpp"
#include "sim/io/variable_layout.hpp"

namespace seccoop::sim::io {

namespace fs = std::filesystem;

struct ResultsFile::Impl {
  fs::path final_path;
  fs::path partial_path;
  WriteOptions options;
  FileSchema schema;  // unlimited dimensions carry their current size
  detail::FileHandle file;
  detail::DatasetMap datasets;  // declared after `file`: closed before it
  // Rows per chunk of each variable stored through filter_chunk() (0: through HDF5's filters
  // only), and the chunk being gathered for each (chunk_assembly.hpp). Both asked once per run
  // and variable by the writer.
  mutable std::map<std::string, std::size_t, std::less<>> filtered_chunk_rows;
  std::map<std::string, detail::ChunkAssembly, std::less<>> assemblies;

  [[nodiscard]] const Variable& variable(std::string_view name) const {
    const Variable* found = schema.find_variable(name);
    if (found == nullptr) {
      throw InternalError(fmt::format("results file has no variable '{}'", name));
    }
    return *found;
  }
  [[nodiscard]] hid_t dataset(std::string_view name) const {
    return datasets.find(name)->second.get();
  }

  [[nodiscard]] std::size_t rows_per_filtered_chunk(const Variable& variable) const {
    if (const auto known = filtered_chunk_rows.find(variable.name);
        known != filtered_chunk_rows.end()) {
      return known->second;
    }
    const std::size_t rows =
        schema.is_record(variable) && variable.type != ValueType::string
            ? detail::filtered_rows_per_chunk(dataset(variable.name), partial_path, variable.name)
            : 0;
    filtered_chunk_rows.emplace(variable.name, rows);
    return rows;
  }

  /// The chunk being gathered for `variable`, or null where its chunks are HDF5's to filter.
  [[nodiscard]] detail::ChunkAssembly* assembly(const Variable& variable) {
    if (const auto found = assemblies.find(variable.name); found != assemblies.end()) {
      return &found->second;
    }
    const std::size_t rows = rows_per_filtered_chunk(variable);
    if (rows == 0) return nullptr;
    const auto shape = schema.shape_of(variable);
    const std::size_t element_bytes = detail::stored_element_bytes(variable.type);
    const std::size_t row_bytes =
        std::accumulate(shape.begin() + 1, shape.end(), element_bytes, std::multiplies<>());
    return &assemblies.try_emplace(variable.name, rows, row_bytes, variable.type).first->second;
  }

  /// Writes every partly gathered chunk's rows through HDF5: before a flush, and on close.
  void write_held_rows() {
    for (auto& [name, assembly] : assemblies) {
      if (assembly.holds_rows()) assembly.write_held(dataset(name), partial_path, name);
    }
  }
};

namespace {

void check_destination(const fs::path& final_path, const fs::path& partial_path,
                       const WriteOptions& options, std::string_view operation) {
  const fs::path directory = final_path.has_parent_path() ? final_path.parent_path() : ".";
  std::error_code error;
  if (!fs::exists(directory, error)) {
    throw IoError(partial_path, operation, "directory '" + directory.string() + "' does not exist");
  }
  if (!fs::is_directory(directory, error)) {
    throw IoError(partial_path, operation, "'" + directory.string() + "' is not a directory");
  }
  if (fs::is_directory(final_path, error)) {  // found now, not when renaming after every run
    throw IoError(final_path, operation, "it is a directory");
  }
  if (!options.overwrite && fs::exists(final_path, error)) {
    throw IoError(final_path, operation,
                  "the file already exists and overwriting it was not requested");
  }
}

detail::PropertyListHandle file_creation_properties(const fs::path& path) {
  detail::PropertyListHandle properties(
      detail::check_id(H5Pcreate(H5P_FILE_CREATE), path, "create"));
  // netCDF-4 lists variables and attributes in creation order and cannot read some files
  // without an index on it; it also needs it to append attributes reliably.
  const unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  detail::check_status(H5Pset_link_creation_order(properties.get(), order), path, "create");
  detail::check_status(H5Pset_attr_creation_order(properties.get(), order), path, "create");
  return properties;
}

void check_values(const Variable& variable, ValueType given, std::size_t expected,
                  std::size_t count) {
  if (given != variable.type) {
    throw InternalError(fmt::format("variable '{}' holds {} values, not {}", variable.name,
                                    to_string(variable.type), to_string(given)));
  }
  if (count != expected) {
    throw InternalError(fmt::format("variable '{}': {} values given where the rows need {}",
                                    variable.name, count, expected));
  }
}

void write_values(hid_t dataset, const detail::Selection& selection, const void* data,
                  std::size_t count, ValueType type, const fs::path& path, std::string_view name) {
  if (type == ValueType::string) {
    detail::write_strings(dataset, selection, {static_cast<const std::string*>(data), count}, path,
                          name);
    return;
  }
  detail::DatatypeHandle memory_type = detail::memory_type_for(type);
  detail::write_selection(dataset, selection, memory_type.get(), data, path, name);
}

std::size_t product(const std::vector<std::size_t>& lengths, std::size_t from) {
  return std::accumulate(lengths.begin() + static_cast<std::ptrdiff_t>(from), lengths.end(),
                         std::size_t{1}, std::multiplies<>());
}

}  // namespace

ResultsFile ResultsFile::create(const fs::path& final_path, const FileSchema& schema,
                                const std::vector<Attribute>& global_attributes,
                                WriteOptions options) {
  detail::silence_hdf5_error_printing();
  validate_schema(schema);
  if (auto problems = attribute_problems(global_attributes, "the file"); !problems.empty()) {
    throw InternalError("invalid global attribute: " + problems.front());
  }
  auto impl = std::make_unique<Impl>(
      Impl{final_path, partial_path_for(final_path), options, schema, {}, {}, {}, {}});
  check_destination(final_path, impl->partial_path, options, "create");
  std::error_code error;
  if (!options.overwrite && fs::exists(impl->partial_path, error)) {
    throw IoError(impl->partial_path, "create",
                  "a partial file from an interrupted run exists; resume it or remove it");
  }
  detail::PropertyListHandle properties = file_creation_properties(impl->partial_path);
  const detail::PropertyListHandle access = detail::make_file_access_properties();
  impl->file = detail::FileHandle(detail::check_id(
      H5Fcreate(impl->partial_path.c_str(), options.overwrite ? H5F_ACC_TRUNC : H5F_ACC_EXCL,
                properties.get(), access.get()),
      impl->partial_path, "create"));
  try {
    for (const auto& attribute : global_attributes) {
      detail::write_attribute(impl->file.get(), attribute, H5I_INVALID_HID, impl->partial_path,
                              "the file");
    }
    impl->datasets = detail::create_variables(impl->file.get(), schema, impl->partial_path);
    detail::check_status(H5Fflush(impl->file.get(), H5F_SCOPE_GLOBAL), impl->partial_path, "flush");
  } catch (...) {
    // Nothing half-made stays behind: the file is ours, created a moment ago.
    impl->datasets.clear();
    impl->file.reset();
    fs::remove(impl->partial_path, error);
    throw;
  }
  return ResultsFile(std::move(impl));
}

ResultsFile ResultsFile::open_partial(const fs::path& final_path, WriteOptions options) {
  detail::silence_hdf5_error_printing();
  auto impl = std::make_unique<Impl>(
      Impl{final_path, partial_path_for(final_path), options, {}, {}, {}, {}, {}});
  check_destination(final_path, impl->partial_path, options, "resume");
  std::error_code error;
  if (!fs::exists(impl->partial_path, error)) {
    throw IoError(impl->partial_path, "resume", "there is no partial file to resume");
  }
  const detail::PropertyListHandle access = detail::make_file_access_properties();
  impl->file = detail::FileHandle(
      detail::check_id(H5Fopen(impl->partial_path.c_str(), H5F_ACC_RDWR, access.get()),
                       impl->partial_path, "open for resuming"));
  impl->schema = detail::read_file_contents(impl->file.get(), impl->partial_path).schema;
  if (auto problems = schema_problems(impl->schema); !problems.empty()) {
    throw IoError(impl->partial_path, "resume",
                  "not a results file written by seccoop (" + problems.front() + ")");
  }
  impl->datasets = detail::open_variables(impl->file.get(), impl->schema, impl->partial_path);
  return ResultsFile(std::move(impl));
}

fs::path ResultsFile::partial_path_for(const fs::path& final_path) {
  fs::path partial = final_path;
  partial += ".partial";
  return partial;
}

ResultsFile::ResultsFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultsFile::ResultsFile(ResultsFile&&) noexcept = default;
ResultsFile& ResultsFile::operator=(ResultsFile&& other) noexcept {
  if (this != &other) {
    write_held_rows_before_close();
    impl_ = std::move(other.impl_);
  }
  return *this;
}
ResultsFile::~ResultsFile() { write_held_rows_before_close(); }

void ResultsFile::write_held_rows_before_close() noexcept {
  // What a job that stops without committing has written stays readable, as HDF5 would have
  // kept it in its chunk cache and written it on close. Rows not yet flushed are never marked
  // complete (run_blocks.hpp), so a failure here loses nothing a resume relies on.
  if (!impl_ || !impl_->file.valid()) return;
  try {
    impl_->write_held_rows();
  } catch (...) {  // NOLINT(bugprone-empty-catch): closing must not throw
  }
}

ResultsFile::Impl& ResultsFile::open_impl() const {
  if (!impl_ || !impl_->file.valid()) {
    throw InternalError("results file used after commit() or after being moved from");
  }
  detail::silence_hdf5_error_printing();
  return *impl_;
}

const FileSchema& ResultsFile::schema() const { return open_impl().schema; }
const fs::path& ResultsFile::final_path() const { return open_impl().final_path; }
const fs::path& ResultsFile::partial_path() const { return open_impl().partial_path; }

std::size_t ResultsFile::dimension_size(std::string_view dimension) const {
  const Dimension* found = open_impl().schema.find_dimension(dimension);
  if (found == nullptr) {
    throw InternalError(fmt::format("results file has no dimension '{}'", dimension));
  }
  return found->size;
}

void ResultsFile::resize(std::string_view dimension, std::size_t new_size) {
  Impl& impl = open_impl();
  auto found = std::ranges::find(impl.schema.dimensions, dimension, &Dimension::name);
  if (found == impl.schema.dimensions.end() || !found->unlimited || new_size < found->size) {
    throw InternalError(fmt::format("cannot resize '{}' to {}: only unlimited dimensions grow",
                                    dimension, new_size));
  }
  found->size = new_size;
  for (const auto& variable : impl.schema.variables) {
    if (variable.dimensions.front() == dimension) {
      const auto shape = impl.schema.shape_of(variable);
      const std::vector<hsize_t> extent(shape.begin(), shape.end());
      detail::check_status(H5Dset_extent(impl.dataset(variable.name), extent.data()),
                           impl.partial_path,
                           fmt::format("grow variable '{}' to {} rows", variable.name, new_size));
    }
  }
}

void ResultsFile::write_rows(std::string_view name, std::size_t first_row, std::size_t row_count,
                             Values values) {
  Impl& impl = open_impl();
  const Variable& variable = impl.variable(name);
  if (!impl.schema.is_record(variable)) {
    throw InternalError(fmt::format("variable '{}' is static: use write_static()", name));
  }
  check_values(variable, values.type, row_count * product(impl.schema.shape_of(variable), 1),
               values.count);
  if (detail::ChunkAssembly* assembly = impl.assembly(variable)) {
    const std::span bytes(static_cast<const std::byte*>(values.data),
                          values.count * detail::stored_element_bytes(values.type));
    assembly->write(impl.dataset(name), first_row, row_count, bytes,
                    impl.schema.shape_of(variable).front(), impl.partial_path, name);
    return;
  }
  const detail::Selection selection = detail::select_rows(
      impl.dataset(name), detail::RowRange{first_row, row_count}, impl.partial_path, name);
  write_values(impl.dataset(name), selection, values.data, values.count, values.type,
               impl.partial_path, name);
}

void ResultsFile::write_all(std::string_view name, Values values) {
  Impl& impl = open_impl();
  const Variable& variable = impl.variable(name);
  if (impl.schema.is_record(variable)) {
    throw InternalError(fmt::format("variable '{}' has records: use write()", name));
  }
  check_values(variable, values.type, product(impl.schema.shape_of(variable), 0), values.count);
  const detail::Selection selection =
      detail::select_rows(impl.dataset(name), std::nullopt, impl.partial_path, name);
  write_values(impl.dataset(name), selection, values.data, values.count, values.type,
               impl.partial_path, name);
}

bool ResultsFile::row_is_one_chunk(std::string_view name) const {
  const Impl& impl = open_impl();
  return impl.rows_per_filtered_chunk(impl.variable(name)) == 1;
}

void ResultsFile::write_filtered_row(std::string_view name, std::size_t row,
                                     std::span<const std::byte> chunk) {
  Impl& impl = open_impl();
  if (!row_is_one_chunk(name)) {
    throw InternalError(
        fmt::format("variable '{}' is not stored one filtered row per chunk", name));
  }
  if (row >= impl.schema.shape_of(impl.variable(name)).front()) {
    throw InternalError(fmt::format("row {} of variable '{}' is past its end", row, name));
  }
  detail::write_row_chunk(impl.dataset(name), row, 1, chunk, impl.partial_path, name);
}

void ResultsFile::set_attribute(const Attribute& attribute) {
  Impl& impl = open_impl();
  if (auto problems = attribute_problems({attribute}, "the file"); !problems.empty()) {
    throw InternalError("invalid global attribute: " + problems.front());
  }
  detail::write_attribute(impl.file.get(), attribute, H5I_INVALID_HID, impl.partial_path,
                          "the file");
}

void ResultsFile::flush() {
  Impl& impl = open_impl();
  impl.write_held_rows();
  detail::check_status(H5Fflush(impl.file.get(), H5F_SCOPE_GLOBAL), impl.partial_path, "flush");
}

void ResultsFile::commit() {
  Impl& impl = open_impl();
  flush();
  impl.datasets.clear();
  if (impl.file.close() < 0) {
    detail::throw_hdf5_failure(impl.partial_path, "close");
  }
  detail::publish_file(impl.partial_path, impl.final_path, impl.options.overwrite);
}

}  // namespace seccoop::sim::io
