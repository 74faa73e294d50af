#include "sim/io/chunk_filter.hpp"

#include <zlib.h>

#include <algorithm>

#include "sim/config/diagnostics.hpp"
#include "sim/io/chunk_layout.hpp"

namespace seccoop::sim::io {

namespace {

/// HDF5's shuffle: byte k of every element together; trailing bytes of a partial element
/// (none for whole rows, kept for parity with the filter) stay at the end.
std::vector<std::byte> shuffled(std::span<const std::byte> raw, std::size_t element_bytes) {
  std::vector<std::byte> out(raw.size());
  const std::size_t elements = element_bytes == 0 ? 0 : raw.size() / element_bytes;
  if (element_bytes <= 1 || elements <= 1) {
    std::ranges::copy(raw, out.begin());
    return out;
  }
  for (std::size_t byte = 0; byte < element_bytes; ++byte) {
    std::byte* plane = out.data() + byte * elements;
    for (std::size_t i = 0; i < elements; ++i) plane[i] = raw[i * element_bytes + byte];
  }
  const std::size_t whole = elements * element_bytes;
  std::copy(raw.begin() + static_cast<std::ptrdiff_t>(whole), raw.end(),
            out.begin() + static_cast<std::ptrdiff_t>(whole));
  return out;
}

}  // namespace

std::vector<std::byte> filter_chunk(std::span<const std::byte> raw, std::size_t element_bytes) {
  const std::vector<std::byte> input = shuffled(raw, element_bytes);
  uLongf size = compressBound(static_cast<uLong>(input.size()));
  std::vector<std::byte> out(size);
  const int status = compress2(
      reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(input.data()),
      static_cast<uLong>(input.size()), static_cast<int>(detail::kDeflateLevel));
  if (status != Z_OK) throw InternalError("zlib could not compress a chunk");
  out.resize(size);
  return out;
}

}  // namespace seccoop::sim::io
