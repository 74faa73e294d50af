#include "sim/io/chunk_filter.hpp"

#include <libdeflate.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/io/raw_deflate.hpp"

namespace seccoop::sim::io {

namespace {

using detail::PlaneCoding;
using detail::PlaneSegment;

/// HDF5's shuffle of 8-byte elements, 16 at a time where SSE2 is there (every x86-64): four
/// rounds of byte interleaves transpose 16 elements x 8 bytes into 8 planes x 16 bytes, about
/// five times the speed of the byte-by-byte loop, which still does what is left.
void shuffle_8_byte_elements(const std::byte* in, std::size_t elements, std::byte* out) {
  std::size_t i = 0;
#if defined(__SSE2__)
  constexpr std::size_t kBlock = 16;
  for (; i + kBlock <= elements; i += kBlock) {
    __m128i rows[8];  // rows[j]: elements i + 2j and i + 2j + 1
    for (std::size_t j = 0; j < 8; ++j) {
      rows[j] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + (i + 2 * j) * 8));
    }
    for (int round = 0; round < 4; ++round) {
      __m128i next[8];
      for (std::size_t j = 0; j < 4; ++j) {
        next[2 * j] = _mm_unpacklo_epi8(rows[j], rows[j + 4]);
        next[2 * j + 1] = _mm_unpackhi_epi8(rows[j], rows[j + 4]);
      }
      std::copy(next, next + 8, rows);
    }
    for (std::size_t plane = 0; plane < 8; ++plane) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + plane * elements + i), rows[plane]);
    }
  }
#endif
  for (; i < elements; ++i) {
    for (std::size_t plane = 0; plane < 8; ++plane) out[plane * elements + i] = in[i * 8 + plane];
  }
}

/// HDF5's shuffle: byte k of every element together; trailing bytes of a partial element
/// (none for whole rows, kept for parity with the filter) stay at the end.
std::vector<std::byte> shuffled(std::span<const std::byte> raw, std::size_t element_bytes) {
  std::vector<std::byte> out(raw.size());
  const std::size_t elements = element_bytes == 0 ? 0 : raw.size() / element_bytes;
  if (element_bytes <= 1 || elements <= 1) {
    std::ranges::copy(raw, out.begin());
    return out;
  }
  if (element_bytes == 8) {
    shuffle_8_byte_elements(raw.data(), elements, out.data());
  } else {
    for (std::size_t byte = 0; byte < element_bytes; ++byte) {
      std::byte* plane = out.data() + byte * elements;
      for (std::size_t i = 0; i < elements; ++i) plane[i] = raw[i * element_bytes + byte];
    }
  }
  const std::size_t whole = elements * element_bytes;
  std::copy(raw.begin() + static_cast<std::ptrdiff_t>(whole), raw.end(),
            out.begin() + static_cast<std::ptrdiff_t>(whole));
  return out;
}

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

/// RFC 1950 header: deflate with a 32 KiB window (0x78), no dictionary, "fastest" level,
/// check bits making the pair a multiple of 31 (0x01), as zlib writes it at level 1.
constexpr std::array<std::byte, 2> kZlibHeader = {std::byte{0x78}, std::byte{0x01}};
constexpr std::size_t kAdlerBytes = 4;

}  // namespace

std::span<const DeflateEngine> available_deflate_engines() {
  static const std::vector<DeflateEngine> engines =
      detail::isal_built() ? std::vector{DeflateEngine::zlib, DeflateEngine::isal}
                           : std::vector{DeflateEngine::zlib};
  return engines;
}

std::vector<std::byte> filter_chunk(std::span<const std::byte> raw, std::size_t element_bytes) {
  return filter_chunk(raw, element_bytes, available_deflate_engines().back());
}

std::vector<std::byte> filter_chunk(std::span<const std::byte> raw, std::size_t element_bytes,
                                    DeflateEngine engine) {
  const std::vector<std::byte> input = shuffled(raw, element_bytes);
  const std::size_t elements = element_bytes == 0 ? 0 : raw.size() / element_bytes;
  const std::size_t planes = elements > 1 ? element_bytes : 1;
  const std::size_t plane_bytes = elements > 1 ? elements : input.size();

  // Consecutive planes coded alike form one segment: every change of coding ends a deflate
  // block. There is always one: a chunk has one plane at least, empty or not.
  std::vector<PlaneSegment> segments;
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

  // The engines write raw deflate blocks and the zlib framing (RFC 1950) is written here: the
  // checksum comes from libdeflate's vectorised Adler-32, a tenth of zlib's own time on these
  // chunks.
  std::vector<std::byte> out(kZlibHeader.begin(), kZlibHeader.end());
  if (engine == DeflateEngine::isal) {
    detail::append_deflated_with_isal(input, segments, out);
  } else {
    detail::append_deflated_with_zlib(input, segments, out);
  }
  const std::uint32_t adler = libdeflate_adler32(1, input.data(), input.size());
  for (std::size_t b = 0; b < kAdlerBytes; ++b) {  // big-endian
    out.push_back(static_cast<std::byte>(adler >> (8 * (kAdlerBytes - 1 - b))));
  }
  return out;
}

}  // namespace seccoop::sim::io
