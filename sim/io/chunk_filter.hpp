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

/// The deflate encoders a build may have: zlib always, ISA-L's igzip where the build found it
/// (CMake option SECCOOP_USE_ISAL, Debian package libisal-dev), about three times the speed on
/// the model's series for files 1.4% larger (200 baseline runs). Their streams decode alike:
/// only the compressed bytes differ, never the data read back.
enum class DeflateEngine { zlib, isal };

/// The engines this build has, zlib first; filter_chunk uses the last.
[[nodiscard]] std::span<const DeflateEngine> available_deflate_engines();

/// Shuffles `raw` (elements of `element_bytes` bytes: byte k of every element, then byte k+1,
/// as HDF5's shuffle filter does) and deflates the result as a zlib stream. Thread-safe.
[[nodiscard]] std::vector<std::byte> filter_chunk(std::span<const std::byte> raw,
                                                  std::size_t element_bytes);
/// The same with the given engine (one of available_deflate_engines()).
[[nodiscard]] std::vector<std::byte> filter_chunk(std::span<const std::byte> raw,
                                                  std::size_t element_bytes, DeflateEngine engine);

}  // namespace seccoop::sim::io
