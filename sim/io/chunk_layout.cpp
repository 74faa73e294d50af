#include "sim/io/chunk_layout.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <string>

#include "sim/config/diagnostics.hpp"
#include "sim/io/hdf5_types.hpp"

namespace seccoop::sim::io::detail {

namespace {

std::size_t bytes_of(std::span<const std::size_t> chunk, std::size_t element_bytes) {
  return std::accumulate(chunk.begin(), chunk.end(), element_bytes, std::multiplies<>());
}

// Halves the largest axis from `first_axis` on until the chunk fits kLargestChunkBytes.
void shrink_to_fit(std::vector<std::size_t>& chunk, std::size_t first_axis,
                   std::size_t element_bytes) {
  while (bytes_of(chunk, element_bytes) > kLargestChunkBytes) {
    auto largest =
        std::max_element(chunk.begin() + static_cast<std::ptrdiff_t>(first_axis), chunk.end());
    if (largest == chunk.end() || *largest == 1) {
      return;  // one element per chunk: cannot get smaller
    }
    *largest = (*largest + 1) / 2;
  }
}

void check(int status, const char* what) {
  if (status < 0) {
    throw InternalError(std::string("HDF5 refused a dataset-creation property: ") + what);
  }
}

void set_fill_value(hid_t properties, ValueType type) {
  if (type == ValueType::float64) {
    const double fill = std::numeric_limits<double>::quiet_NaN();
    check(H5Pset_fill_value(properties, H5T_NATIVE_DOUBLE, &fill), "fill value");
  } else if (type == ValueType::float32) {
    const float fill = std::numeric_limits<float>::quiet_NaN();
    check(H5Pset_fill_value(properties, H5T_NATIVE_FLOAT, &fill), "fill value");
  } else if (type == ValueType::string) {
    // Without it unwritten strings are NULL, which ncdump prints as NIL.
    const char* fill = "";
    DatatypeHandle string_type(H5Tcopy(H5T_C_S1));
    check(H5Tset_size(string_type.get(), H5T_VARIABLE), "string fill type");
    check(H5Tset_cset(string_type.get(), H5T_CSET_UTF8), "string fill type");
    check(H5Pset_fill_value(properties, string_type.get(), static_cast<const void*>(&fill)),
          "fill value");
  }
  // Integers keep HDF5's default fill, 0. Not declared as a _FillValue attribute on purpose:
  // xarray would then turn every integer variable into floats to mask it.
}

}  // namespace

std::vector<std::size_t> choose_chunk_shape(std::span<const std::size_t> shape, bool record,
                                            std::size_t element_bytes) {
  std::vector<std::size_t> chunk(shape.begin(), shape.end());
  for (auto& length : chunk) {
    length = std::max<std::size_t>(length, 1);
  }
  if (!record || chunk.empty()) {
    shrink_to_fit(chunk, 0, element_bytes);
    return chunk;
  }
  chunk.front() = 1;
  shrink_to_fit(chunk, 1, element_bytes);
  const std::size_t row_bytes = bytes_of(chunk, element_bytes);
  if (row_bytes < kSmallestRecordChunkBytes) {
    chunk.front() = kSmallestRecordChunkBytes / row_bytes;
  }
  return chunk;
}

PropertyListHandle make_dataset_creation_properties(const Variable& variable,
                                                    std::span<const std::size_t> shape,
                                                    bool record) {
  PropertyListHandle properties(H5Pcreate(H5P_DATASET_CREATE));
  check(properties.valid() ? 0 : -1, "create");
  std::vector<std::size_t> chunk =
      variable.chunk_shape.empty()
          ? choose_chunk_shape(shape, record, stored_element_bytes(variable.type))
          : variable.chunk_shape;
  // HDF5 refuses chunks longer than a fixed axis; a hint may predate a smaller scenario.
  for (std::size_t axis = record ? 1 : 0; axis < chunk.size() && axis < shape.size(); ++axis) {
    chunk[axis] = std::clamp<std::size_t>(chunk[axis], 1, std::max<std::size_t>(shape[axis], 1));
  }
  const std::vector<hsize_t> chunk_dims(chunk.begin(), chunk.end());
  check(H5Pset_chunk(properties.get(), static_cast<int>(chunk_dims.size()), chunk_dims.data()),
        "chunk shape");
  if (variable.type != ValueType::string) {
    check(H5Pset_shuffle(properties.get()), "shuffle filter");
    check(H5Pset_deflate(properties.get(), kDeflateLevel), "deflate filter");
  }
  set_fill_value(properties.get(), variable.type);
  check(H5Pset_attr_creation_order(properties.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "attribute creation order");
  check(H5Pset_obj_track_times(properties.get(), false), "object timestamps");
  return properties;
}

PropertyListHandle make_dataset_access_properties(hid_t creation, std::size_t element_bytes) {
  PropertyListHandle properties(H5Pcreate(H5P_DATASET_ACCESS));
  check(properties.valid() ? 0 : -1, "create access properties");
  if (H5Pget_layout(creation) != H5D_CHUNKED) return properties;
  const int rank = H5Pget_chunk(creation, 0, nullptr);
  check(rank, "chunk rank");
  std::vector<hsize_t> chunk(static_cast<std::size_t>(rank));
  check(H5Pget_chunk(creation, rank, chunk.data()), "chunk shape");
  std::size_t chunk_bytes = element_bytes;
  for (const hsize_t length : chunk) chunk_bytes *= static_cast<std::size_t>(length);
  // A few hash slots suffice for two chunks; w0 = 1 evicts a fully written chunk first.
  constexpr std::size_t kSlots = 13;
  check(H5Pset_chunk_cache(properties.get(), kSlots, 2 * chunk_bytes, 1.0), "chunk cache");
  return properties;
}

PropertyListHandle make_file_access_properties() {
  PropertyListHandle properties(H5Pcreate(H5P_FILE_ACCESS));
  check(properties.valid() ? 0 : -1, "create file access properties");
  H5AC_cache_config_t config{};
  config.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  check(H5Pget_mdc_config(properties.get(), &config), "metadata cache");
  constexpr std::size_t kMetadataCacheBytes = std::size_t{1} << 20;
  config.set_initial_size = true;
  config.initial_size = kMetadataCacheBytes;
  config.max_size = kMetadataCacheBytes;
  config.min_size = std::min(config.min_size, kMetadataCacheBytes);
  check(H5Pset_mdc_config(properties.get(), &config), "metadata cache");
  return properties;
}

}  // namespace seccoop::sim::io::detail
