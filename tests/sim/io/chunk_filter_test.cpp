// filter_chunk must produce what HDF5's shuffle + deflate filters decode: a zlib stream of the
// shuffled bytes. Checked here by inflating with zlib and unshuffling by hand, for element
// sizes the results file uses, sizes that are not a multiple of the 16-element fast path, and
// the plane codings (noise stored, runs, full deflate), in chunks small enough for one zlib
// state and large enough to need several.
#include "sim/io/chunk_filter.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

namespace seccoop::sim::io {
namespace {

std::vector<std::byte> inflated(const std::vector<std::byte>& stream, std::size_t raw_size) {
  std::vector<std::byte> out(raw_size);
  uLongf size = raw_size;
  const int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                                reinterpret_cast<const Bytef*>(stream.data()), stream.size());
  EXPECT_EQ(status, Z_OK);
  EXPECT_EQ(size, raw_size);
  return out;
}

std::vector<std::byte> unshuffled(const std::vector<std::byte>& planes, std::size_t element_bytes) {
  const std::size_t elements = planes.size() / element_bytes;
  std::vector<std::byte> out(planes);
  if (elements <= 1) return out;
  for (std::size_t i = 0; i < elements; ++i) {
    for (std::size_t b = 0; b < element_bytes; ++b) {
      out[i * element_bytes + b] = planes[b * elements + i];
    }
  }
  return out;
}

std::vector<std::byte> bytes_of(const std::vector<double>& values) {
  std::vector<std::byte> out(values.size() * sizeof(double));
  if (!out.empty()) std::memcpy(out.data(), values.data(), out.size());  // no null to memcpy
  return out;
}

const char* name_of(DeflateEngine engine) {
  return engine == DeflateEngine::isal ? "ISA-L" : "zlib";
}

void expect_round_trip(const std::vector<std::byte>& raw, std::size_t element_bytes) {
  for (const DeflateEngine engine : available_deflate_engines()) {
    const std::vector<std::byte> stream = filter_chunk(raw, element_bytes, engine);
    EXPECT_EQ(unshuffled(inflated(stream, raw.size()), element_bytes), raw)
        << raw.size() << " bytes of " << element_bytes << "-byte elements, " << name_of(engine);
  }
}

TEST(ChunkFilter, DecodesToTheInputForEveryMixOfPlanes) {
  std::mt19937_64 random(7);  // a fixed seed: the test data never changes
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  // 40,000 and 100,000 elements: planes cut into pieces of fresh zlib state, at plane
  // boundaries and inside planes.
  for (const std::size_t elements : {0U, 1U, 2U, 15U, 16U, 17U, 1000U, 4099U, 40000U, 100000U}) {
    std::vector<double> mixed(elements);
    for (std::size_t i = 0; i < elements; ++i) {
      // Noise planes, counts, runs of zeros, and a constant then large reals.
      const double noise = uniform(random);
      const double values[] = {noise, static_cast<double>(random() % 5000), 0.0,
                               i < elements / 2 ? 1.0 : noise * 1e6};
      mixed[i] = values[i % 4];
    }
    expect_round_trip(bytes_of(mixed), sizeof(double));
    std::vector<double> noise(elements);
    for (double& value : noise) value = uniform(random);
    expect_round_trip(bytes_of(noise), sizeof(double));
  }
  // Plane 0 noise (stored), planes 1-5 runs, planes 6-7 full: every switch of coding in one
  // stream, stored included.
  std::vector<std::byte> noisy_low_byte(std::size_t{8} * 3000);
  for (std::size_t i = 0; i < noisy_low_byte.size(); ++i) {
    noisy_low_byte[i] = i % 8 == 0 ? static_cast<std::byte>(random()) : std::byte{0x40};
  }
  expect_round_trip(noisy_low_byte, 8);
  // The other way round, and alternating: compressed planes before and after stored ones
  // (ISA-L's blocks must end on a byte boundary and not be final), a stored plane last.
  for (const std::size_t noisy_plane : {0U, 3U, 7U}) {
    std::vector<std::byte> one_noisy_plane(std::size_t{8} * 50000);
    for (std::size_t i = 0; i < one_noisy_plane.size(); ++i) {
      one_noisy_plane[i] = i % 8 == noisy_plane ? static_cast<std::byte>(random())
                                                : static_cast<std::byte>(i / 800 % 3);
    }
    expect_round_trip(one_noisy_plane, 8);
  }
  std::vector<std::byte> odd(std::size_t{4} * 999 +
                             3);  // 4-byte elements, a partial one at the end
  for (std::byte& byte : odd) byte = static_cast<std::byte>(random() % 7);
  expect_round_trip(odd, 4);
  expect_round_trip(odd, 1);
}

TEST(ChunkFilter, StoresNoiseAndCompressesRuns) {
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  constexpr std::size_t kElements = 4096;
  std::vector<double> noise(kElements);
  for (double& value : noise) value = uniform(random);
  const std::vector<std::byte> raw = bytes_of(noise);
  std::vector<double> counts(kElements);
  for (std::size_t i = 0; i < kElements; ++i)
    counts[i] = static_cast<double>(i >> 6U);  // runs of 64 equal counts
  for (const DeflateEngine engine : available_deflate_engines()) {
    // Six low planes stored (no expansion beyond block headers), the exponent planes deflated.
    const std::size_t noise_size = filter_chunk(raw, sizeof(double), engine).size();
    EXPECT_LT(noise_size, raw.size()) << name_of(engine);
    EXPECT_GT(noise_size, raw.size() * 6 / 8) << name_of(engine);
    EXPECT_LT(filter_chunk(bytes_of(counts), sizeof(double), engine).size(), raw.size() / 50)
        << name_of(engine);
  }
}

}  // namespace
}  // namespace seccoop::sim::io
