#include "sim/random/random_stream.hpp"

#include <Random123/philox.h>

#include <cstddef>

namespace seccoop::sim {

namespace {
// Spelled out rather than r123::Philox4x64 so a change of the library default cannot silently
// change every result; the known-answer test pins the output too.
using Philox = r123::Philox4x64_R<10>;
constexpr std::size_t kBlockSlot = 3;  // counter word that numbers the blocks of one stream
}  // namespace

void RandomStream::refill() noexcept {
  const Philox::ctr_type block = {{counter_[0], counter_[1], counter_[2], counter_[kBlockSlot]}};
  const Philox::key_type key = {{key_[0], key_[1]}};
  const Philox::ctr_type bits = Philox{}(block, key);
  for (std::size_t i = 0; i < kWordsPerBlock; ++i) {
    buffer_[i] = bits[i];
  }
  // Blocks are numbered from 0; 2^64 blocks per stream is more than any run can consume.
  ++counter_[kBlockSlot];
  used_ = 0;
}

}  // namespace seccoop::sim
