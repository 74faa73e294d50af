// The zlib encoder of raw_deflate.hpp.
#include <zlib.h>

#include <algorithm>
#include <string>

#include "sim/config/diagnostics.hpp"
#include "sim/io/chunk_layout.hpp"
#include "sim/io/raw_deflate.hpp"

namespace seccoop::sim::io::detail {

namespace {

void check(int status, const char* what) {
  if (status != Z_OK && status != Z_STREAM_END) {
    throw InternalError(std::string("zlib could not compress a chunk: ") + what);
  }
}

constexpr int kWindowBits = 15;

/// Input per zlib state. zlib keeps two windows of input and, once the input passes twice the
/// window less its lookahead (262 bytes, MIN_LOOKAHEAD), slides it down and rewrites every
/// entry of its hash and chain tables (32 Ki each at memLevel 8) for each further window:
/// about 0.6 ns per input byte, 31% of zlib's time on a 280 KB chunk of `members` (perf).
/// Fewer bytes than that never slide. Matches do not reach across pieces: nothing is lost
/// between byte planes, which do not repeat one another, and within a plane longer than a
/// piece only matches across the cut (at most one window back) are.
constexpr std::size_t kPieceBytes = 2 * (std::size_t{1} << kWindowBits) - 262 - 1;
/// What each piece (and each change of coding) may add: block headers, the empty stored
/// block of a sync flush (5 bytes), a partial byte.
constexpr std::size_t kPieceOverheadBytes = 64;

struct CodingParameters {
  int level;
  int strategy;
};

CodingParameters parameters_of(PlaneCoding coding) {
  const auto level = static_cast<int>(kDeflateLevel);
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

void append_deflated_with_zlib(std::span<const std::byte> input,
                               std::span<const PlaneSegment> segments,
                               std::vector<std::byte>& out) {
  // The input goes to zlib in pieces of fewer than kPieceBytes, each from a fresh state
  // (deflateReset) and ending on a byte boundary (Z_SYNC_FLUSH), so that their outputs join
  // into one deflate stream and zlib never slides its window (see kPieceBytes).
  z_stream stream{};
  const CodingParameters first = parameters_of(segments.front().coding);
  check(deflateInit2(&stream, first.level, Z_DEFLATED, -kWindowBits, 8, first.strategy), "init");
  const std::size_t start = out.size();
  const std::size_t pieces = input.size() / kPieceBytes + segments.size() + 1;
  out.resize(start + deflateBound(&stream, static_cast<uLong>(input.size())) +
             kPieceOverheadBytes * pieces);
  stream.next_out = reinterpret_cast<Bytef*>(out.data() + start);
  stream.avail_out = static_cast<uInt>(out.size() - start);
  int status = Z_OK;
  std::size_t piece_bytes = 0;  // input given to the current piece
  for (std::size_t s = 0; s < segments.size() && status == Z_OK; ++s) {
    if (s > 0) {
      const CodingParameters next = parameters_of(segments[s].coding);
      status = deflateParams(&stream, next.level, next.strategy);
    }
    std::size_t begin = segments[s].begin;
    while (status == Z_OK && begin < segments[s].end) {
      if (piece_bytes == kPieceBytes) {
        status = deflate(&stream, Z_SYNC_FLUSH);
        if (status == Z_OK) status = deflateReset(&stream);  // keeps level and strategy
        piece_bytes = 0;
        continue;
      }
      const std::size_t take = std::min(segments[s].end - begin, kPieceBytes - piece_bytes);
      // zlib does not write through next_in; its API predates const.
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(input.data() + begin));
      stream.avail_in = static_cast<uInt>(take);
      status = deflate(&stream, Z_NO_FLUSH);
      begin += take;
      piece_bytes += take;
    }
  }
  if (status == Z_OK) status = deflate(&stream, Z_FINISH);
  const auto* const end = reinterpret_cast<const std::byte*>(stream.next_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) check(status == Z_OK ? Z_BUF_ERROR : status, "deflate");
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace seccoop::sim::io::detail
