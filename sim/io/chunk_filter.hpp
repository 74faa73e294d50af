#pragma once
// The filters the results file declares for numbers (shuffle, then deflate at kDeflateLevel),
// applied to one chunk outside HDF5. Worker threads compress a run's rows this way while they
// still hold them, so the single writer thread stores their bytes (H5Dwrite_chunk) instead of
// compressing every run serially; the writer uses it too for chunks that group several runs
// (chunk_assembly.hpp), faster than HDF5's filter on noisy planes. Readers cannot tell such a
// chunk from one HDF5 filtered: the stored bytes decode through the same filter pipeline.
#include <cstddef>
#include <span>
#include <vector>

namespace seccoop::sim::io {

/// Shuffles `raw` (elements of `element_bytes` bytes: byte k of every element, then byte k+1,
/// as HDF5's shuffle filter does) and deflates the result as a zlib stream. Thread-safe.
[[nodiscard]] std::vector<std::byte> filter_chunk(std::span<const std::byte> raw,
                                                  std::size_t element_bytes);

}  // namespace seccoop::sim::io
