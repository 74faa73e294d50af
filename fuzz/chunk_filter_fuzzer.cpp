// Any bytes as a chunk for filter_chunk (sim/io/chunk_filter.hpp), with every deflate engine
// the build has (zlib; ISA-L's igzip where built with it).
//
// Property: the stream inflates with zlib (as HDF5's deflate filter does) to exactly the
// shuffled chunk. The first byte chooses the element size (1, 2, 4 or 8 bytes) and how many
// times the rest is repeated (1 to 64), so that inputs of a few kilobytes also make chunks of
// hundreds: planes longer than zlib's 64 KiB pieces, stored runs longer than a stored block
// (65,535 bytes), noise planes among compressible ones.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "sim/io/chunk_filter.hpp"

namespace {

using seccoop::sim::io::available_deflate_engines;
using seccoop::sim::io::filter_chunk;

/// HDF5's shuffle: byte k of every element, then byte k + 1; a partial last element as is.
std::vector<std::byte> shuffled(std::span<const std::byte> raw, std::size_t element_bytes) {
  std::vector<std::byte> out(raw.begin(), raw.end());
  const std::size_t elements = raw.size() / element_bytes;
  if (element_bytes <= 1 || elements <= 1) return out;
  for (std::size_t i = 0; i < elements; ++i) {
    for (std::size_t b = 0; b < element_bytes; ++b) {
      out[b * elements + i] = raw[i * element_bytes + b];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr std::size_t kElementBytes[] = {1, 2, 4, 8};
  const std::size_t element_bytes = kElementBytes[data[0] & 3U];
  const std::size_t repeats = 1 + (data[0] >> 2U);
  const auto* pattern = reinterpret_cast<const std::byte*>(data + 1);
  std::vector<std::byte> raw;
  raw.reserve((size - 1) * repeats);
  for (std::size_t r = 0; r < repeats; ++r) raw.insert(raw.end(), pattern, pattern + size - 1);
  const std::vector<std::byte> expected = shuffled(raw, element_bytes);

  for (const auto engine : available_deflate_engines()) {
    const std::vector<std::byte> stream = filter_chunk(raw, element_bytes, engine);
    std::vector<std::byte> inflated(raw.size() + 1);  // one more: a longer stream would show
    uLongf inflated_size = inflated.size();
    const int status = uncompress(reinterpret_cast<Bytef*>(inflated.data()), &inflated_size,
                                  reinterpret_cast<const Bytef*>(stream.data()), stream.size());
    inflated.resize(inflated_size);
    if (status != Z_OK || inflated != expected) std::abort();
  }
  return 0;
}
