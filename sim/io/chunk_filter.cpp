#include "sim/io/chunk_filter.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

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

/// How a byte plane is deflated. The stream stays one zlib stream whatever the mix: HDF5's
/// deflate filter inflates it as any other.
enum class PlaneCoding {
  /// Stored blocks: the plane is noise (low mantissa bytes of real-valued series such as
  /// trust or regional homicides). Deflate cannot shrink it by more than a percent or two and
  /// spends most of its time on such planes: on the default world's series they were 45% of
  /// the compression time for 1% of the savings.
  stored,
  /// Run-length matching only: low byte planes with structure, which in simulated doubles is
  /// runs (zeros of integral counts, constant or unused slots); the full match search finds
  /// little more there and costs twice the time.
  run_length,
  /// zlib level kDeflateLevel: the top planes (sign, exponent, leading mantissa), which repeat
  /// at long distances.
  full,
};

/// Whether a plane looks like noise, judged from up to kNoiseSample bytes spread over it:
/// nearly uniform byte values (order-0 entropy of the sample at least kNoiseEntropyBits) and
/// almost no byte equal to the next. Either kind of structure keeps deflate. On a sample of
/// 1024 uniform bytes the entropy estimate is about 7.8 bits.
bool looks_like_noise(std::span<const std::byte> plane) {
  constexpr std::size_t kNoiseSample = 1024;
  constexpr std::size_t kMinPlaneBytes = 256;  // below, the estimate is too rough: deflate
  constexpr double kNoiseEntropyBits = 7.0;
  constexpr double kMaxRepeatShare = 0.05;
  if (plane.size() < kMinPlaneBytes) return false;
  const std::size_t samples = std::min(kNoiseSample, plane.size() - 1);
  const std::size_t step = (plane.size() - 1) / samples;
  std::array<unsigned, 256> counts{};
  std::size_t repeats = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    const std::size_t i = s * step;
    ++counts[std::to_integer<unsigned>(plane[i])];
    if (plane[i] == plane[i + 1]) ++repeats;
  }
  if (static_cast<double>(repeats) > kMaxRepeatShare * static_cast<double>(samples)) {
    return false;
  }
  double entropy_bits = 0.0;
  for (const unsigned count : counts) {
    if (count == 0) continue;
    const double share = static_cast<double>(count) / static_cast<double>(samples);
    entropy_bits -= share * std::log2(share);
  }
  return entropy_bits >= kNoiseEntropyBits;
}

/// The top two planes of elements of 4 or more bytes hold sign, exponent and leading mantissa.
constexpr std::size_t kTopPlanes = 2;

PlaneCoding choose_coding(std::span<const std::byte> plane, std::size_t plane_index,
                          std::size_t element_bytes) {
  if (looks_like_noise(plane)) return PlaneCoding::stored;
  if (element_bytes >= 4 && plane_index + kTopPlanes < element_bytes) {
    return PlaneCoding::run_length;
  }
  return PlaneCoding::full;
}

void check(int status, const char* what) {
  if (status != Z_OK && status != Z_STREAM_END) {
    throw InternalError(std::string("zlib could not compress a chunk: ") + what);
  }
}

struct CodingParameters {
  int level;
  int strategy;
};

CodingParameters parameters_of(PlaneCoding coding) {
  const auto level = static_cast<int>(detail::kDeflateLevel);
  switch (coding) {
    case PlaneCoding::stored:
      return {.level = Z_NO_COMPRESSION, .strategy = Z_DEFAULT_STRATEGY};
    case PlaneCoding::run_length:
      return {.level = level, .strategy = Z_RLE};
    case PlaneCoding::full:
      break;
  }
  return {.level = level, .strategy = Z_DEFAULT_STRATEGY};
}

}  // namespace

std::vector<std::byte> filter_chunk(std::span<const std::byte> raw, std::size_t element_bytes) {
  std::vector<std::byte> input = shuffled(raw, element_bytes);
  const std::size_t elements = element_bytes == 0 ? 0 : raw.size() / element_bytes;
  const std::size_t planes = elements > 1 ? element_bytes : 1;
  const std::size_t plane_bytes = elements > 1 ? elements : input.size();

  // Consecutive planes coded alike go to zlib together: every change of parameters ends a
  // deflate block.
  struct Segment {
    std::size_t begin;
    std::size_t end;
    PlaneCoding coding;
  };
  std::vector<Segment> segments;
  for (std::size_t p = 0; p < planes; ++p) {
    const std::size_t begin = p * plane_bytes;
    const std::size_t end = p + 1 == planes ? input.size() : begin + plane_bytes;
    const PlaneCoding coding =
        choose_coding(std::span(input).subspan(begin, end - begin), p, element_bytes);
    if (!segments.empty() && segments.back().coding == coding) {
      segments.back().end = end;
    } else {
      segments.push_back({.begin = begin, .end = end, .coding = coding});
    }
  }

  z_stream stream{};
  const CodingParameters first =
      parameters_of(segments.empty() ? PlaneCoding::full : segments.front().coding);
  check(deflateInit2(&stream, first.level, Z_DEFLATED, 15, 8, first.strategy), "init");
  std::vector<std::byte> out(deflateBound(&stream, static_cast<uLong>(input.size())) +
                             64 * (segments.size() + 1));
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = Z_OK;
  for (std::size_t s = 0; s < segments.size() && status == Z_OK; ++s) {
    if (s > 0) {
      const CodingParameters next = parameters_of(segments[s].coding);
      status = deflateParams(&stream, next.level, next.strategy);
      if (status != Z_OK) break;
    }
    stream.next_in = reinterpret_cast<Bytef*>(input.data() + segments[s].begin);
    stream.avail_in = static_cast<uInt>(segments[s].end - segments[s].begin);
    status = deflate(&stream, s + 1 == segments.size() ? Z_FINISH : Z_NO_FLUSH);
  }
  if (segments.empty()) status = deflate(&stream, Z_FINISH);
  const std::size_t size = stream.total_out;
  deflateEnd(&stream);
  if (status != Z_STREAM_END) check(status == Z_OK ? Z_BUF_ERROR : status, "deflate");
  out.resize(size);
  return out;
}

}  // namespace seccoop::sim::io
