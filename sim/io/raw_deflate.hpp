#pragma once
// The deflate (RFC 1951) encoders behind filter_chunk (chunk_filter.hpp): the chunk's shuffled
// bytes, cut into segments of byte planes coded alike, become raw deflate blocks. zlib is always
// there; ISA-L's igzip (libisal-dev) where the build found it, about three times the speed on
// the model's series (docs/performance.md). Both write streams every inflater reads.
#include <cstddef>
#include <span>
#include <vector>

namespace seccoop::sim::io::detail {

/// How a run of byte planes is deflated.
enum class PlaneCoding {
  /// Stored blocks: the planes are noise (low mantissa bytes of real-valued series such as
  /// trust or regional homicides), which deflate cannot shrink by more than a percent or two:
  /// with zlib, such planes of the default world's series took 45% of the compression time
  /// for 1% of the savings.
  stored,
  /// Low byte planes with structure, which in simulated doubles is runs (zeros of integral
  /// counts, constant or unused slots): zlib matches runs only (Z_RLE), as its full match
  /// search finds little more there at twice the time.
  run_length,
  /// The top planes (sign, exponent, leading mantissa), which repeat at long distances.
  full,
};

/// Bytes [begin, end) of the shuffled chunk, coded as `coding`.
struct PlaneSegment {
  std::size_t begin = 0;
  std::size_t end = 0;
  PlaneCoding coding = PlaneCoding::full;
};

/// Appends to `out` the raw deflate stream of `input`, segment by segment (the segments cover
/// the input in order; there is at least one), ending with a final block. Throws InternalError
/// if the library fails.
void append_deflated_with_zlib(std::span<const std::byte> input,
                               std::span<const PlaneSegment> segments, std::vector<std::byte>& out);

/// Whether this build has ISA-L (CMake option SECCOOP_USE_ISAL and the library installed).
[[nodiscard]] bool isal_built() noexcept;

/// As append_deflated_with_zlib, with ISA-L's igzip (level 1) for every segment not stored.
/// Only where isal_built(); elsewhere throws InternalError.
void append_deflated_with_isal(std::span<const std::byte> input,
                               std::span<const PlaneSegment> segments, std::vector<std::byte>& out);

}  // namespace seccoop::sim::io::detail
