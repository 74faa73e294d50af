// The ISA-L encoder of raw_deflate.hpp: igzip for the planes that compress, stored blocks
// written here for the planes that are noise.
#include <cstdint>
#include <memory>
#include <string>

#include "sim/config/diagnostics.hpp"
#include "sim/io/raw_deflate.hpp"

#if defined(SECCOOP_HAVE_ISAL)
#include <isa-l/igzip_lib.h>

#include <algorithm>
#endif

namespace seccoop::sim::io::detail {

#if defined(SECCOOP_HAVE_ISAL)

namespace {

/// A stored block holds at most 2^16 - 1 bytes (its LEN field) behind a 5-byte header (the
/// BFINAL/BTYPE byte on a byte boundary, LEN, NLEN).
constexpr std::size_t kLargestStoredBlock = 65535;
constexpr std::size_t kStoredHeaderBytes = 5;

/// Appends stored blocks holding `bytes` (RFC 1951, 3.2.4): BFINAL, BTYPE 00 and padding to
/// the byte boundary in one byte, LEN and its complement NLEN (little-endian), the bytes. The
/// stream is on a byte boundary before each: the previous block was stored, or igzip's flush
/// aligned it. Writes one empty block for no bytes, so that a final block is always there.
void append_stored_blocks(std::span<const std::byte> bytes, bool final,
                          std::vector<std::byte>& out) {
  std::size_t begin = 0;
  do {
    const std::size_t length = std::min(kLargestStoredBlock, bytes.size() - begin);
    const bool last = final && begin + length == bytes.size();
    const auto len = static_cast<std::uint16_t>(length);
    const auto nlen = static_cast<std::uint16_t>(~len);
    out.push_back(std::byte{last ? std::uint8_t{1} : std::uint8_t{0}});
    for (const std::uint16_t field : {len, nlen}) {
      out.push_back(static_cast<std::byte>(field & 0xFFU));
      out.push_back(static_cast<std::byte>(field >> 8U));
    }
    out.insert(out.end(), bytes.begin() + static_cast<std::ptrdiff_t>(begin),
               bytes.begin() + static_cast<std::ptrdiff_t>(begin + length));
    begin += length;
  } while (begin < bytes.size());
}

/// igzip's state (82 KB) and its level-1 hash tables and token buffer (276 KB), allocated
/// without zeroing: isal_deflate_stateless_init sets what igzip reads.
struct IgzipBuffers {
  std::unique_ptr<isal_zstream> stream = std::make_unique_for_overwrite<isal_zstream>();
  std::unique_ptr<std::uint8_t[]> level_buffer =
      std::make_unique_for_overwrite<std::uint8_t[]>(ISAL_DEF_LVL1_DEFAULT);
};

/// Appends `bytes` deflated by igzip, level 1, in one call: a final block if `final`, else
/// blocks ending on a byte boundary with no reference to what follows (FULL_FLUSH), so that a
/// stored block or another igzip call can follow. Returns false, leaving `out` as it was, if
/// igzip's output would not fit in the stored size plus headers (then storing is as good).
bool append_igzip_blocks(std::span<const std::byte> bytes, bool final, IgzipBuffers& buffers,
                         std::vector<std::byte>& out) {
  const std::size_t start = out.size();
  const std::size_t capacity =
      bytes.size() + kStoredHeaderBytes * (bytes.size() / kLargestStoredBlock + 2) + 64;
  out.resize(start + capacity);
  isal_zstream& stream = *buffers.stream;
  isal_deflate_stateless_init(&stream);
  stream.level = 1;
  stream.level_buf = buffers.level_buffer.get();
  stream.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
  stream.gzip_flag = IGZIP_DEFLATE;
  stream.end_of_stream = final ? 1 : 0;
  stream.flush = final ? NO_FLUSH : FULL_FLUSH;
  // igzip does not write through next_in; its API has no const.
  stream.next_in = reinterpret_cast<std::uint8_t*>(const_cast<std::byte*>(bytes.data()));
  stream.avail_in = static_cast<std::uint32_t>(bytes.size());
  stream.next_out = reinterpret_cast<std::uint8_t*>(out.data() + start);
  stream.avail_out = static_cast<std::uint32_t>(capacity);
  const int status = isal_deflate_stateless(&stream);
  if (status == STATELESS_OVERFLOW) {
    out.resize(start);
    return false;
  }
  if (status != COMP_OK) {
    throw InternalError("ISA-L could not compress a chunk: isal_deflate_stateless returned " +
                        std::to_string(status));
  }
  out.resize(start + (capacity - stream.avail_out));
  return true;
}

}  // namespace

bool isal_built() noexcept { return true; }

void append_deflated_with_isal(std::span<const std::byte> input,
                               std::span<const PlaneSegment> segments,
                               std::vector<std::byte>& out) {
  IgzipBuffers buffers;
  // Consecutive segments that are not stored go to igzip together: its one pass finds both
  // the runs and the longer matches that zlib's two strategies were chosen for.
  std::size_t s = 0;
  while (s < segments.size()) {
    const bool stored = segments[s].coding == PlaneCoding::stored;
    std::size_t next = s + 1;
    while (next < segments.size() && (segments[next].coding == PlaneCoding::stored) == stored) {
      ++next;
    }
    const std::span<const std::byte> bytes =
        input.subspan(segments[s].begin, segments[next - 1].end - segments[s].begin);
    const bool final = next == segments.size();
    if (stored || !append_igzip_blocks(bytes, final, buffers, out)) {
      append_stored_blocks(bytes, final, out);
    }
    s = next;
  }
}

#else

bool isal_built() noexcept { return false; }

void append_deflated_with_isal(std::span<const std::byte> /*input*/,
                               std::span<const PlaneSegment> /*segments*/,
                               std::vector<std::byte>& /*out*/) {
  throw InternalError("this build of seccoop has no ISA-L (SECCOOP_USE_ISAL, libisal-dev)");
}

#endif

}  // namespace seccoop::sim::io::detail
