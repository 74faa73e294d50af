#include "sim/experiment/sobol_sequence.hpp"

#include <fmt/format.h>

#include "sim/config/diagnostics.hpp"

namespace seccoop::sim {

namespace {

// One line of new-joe-kuo-6.21201 (Joe & Kuo 2008) for dimensions 2 and up: the degree s of the
// primitive polynomial, its interior coefficients a (bit s-1-l is the coefficient of x^(s-l)),
// and the initial odd numbers m_1 .. m_s.
struct DirectionRow {
  unsigned degree;
  std::uint32_t coefficients;
  std::array<std::uint32_t, 8> initial;
};

constexpr std::array<DirectionRow, SobolSequence::kMaxDimensions - 1> kJoeKuo2008 = {{
    {1, 0, {1}},                         // d = 2
    {2, 1, {1, 3}},                      // d = 3
    {3, 1, {1, 3, 1}},                   // d = 4
    {3, 2, {1, 1, 1}},                   // d = 5
    {4, 1, {1, 1, 3, 3}},                // d = 6
    {4, 4, {1, 3, 5, 13}},               // d = 7
    {5, 2, {1, 1, 5, 5, 17}},            // d = 8
    {5, 4, {1, 1, 5, 5, 5}},             // d = 9
    {5, 7, {1, 1, 7, 11, 19}},           // d = 10
    {5, 11, {1, 1, 5, 1, 1}},            // d = 11
    {5, 13, {1, 1, 1, 3, 11}},           // d = 12
    {5, 14, {1, 3, 5, 5, 31}},           // d = 13
    {6, 1, {1, 3, 3, 9, 7, 49}},         // d = 14
    {6, 13, {1, 1, 1, 15, 21, 21}},      // d = 15
    {6, 16, {1, 3, 1, 13, 27, 49}},      // d = 16
    {6, 19, {1, 1, 1, 15, 7, 5}},        // d = 17
    {6, 22, {1, 3, 1, 15, 13, 25}},      // d = 18
    {6, 25, {1, 1, 5, 5, 19, 61}},       // d = 19
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},  // d = 20
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},   // d = 21
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},    // d = 22
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},     // d = 23
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},  // d = 24
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},   // d = 25
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},  // d = 26
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},    // d = 27
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},    // d = 28
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},   // d = 29
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},   // d = 30
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},   // d = 31
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},   // d = 32
    {7, 50, {1, 3, 1, 3, 5, 53, 69}},    // d = 33
}};

using Directions = std::array<std::uint32_t, SobolSequence::kBits>;

// Dimension 1 is the van der Corput sequence in base 2: every m_k = 1.
Directions first_dimension() {
  Directions v{};
  for (unsigned b = 0; b < SobolSequence::kBits; ++b) v[b] = std::uint32_t{1} << (31U - b);
  return v;
}

// v_k = m_k / 2^k, and beyond the initial numbers Bratley & Fox's recurrence (1988, eq. 2):
// v_k = a_1 v_(k-1) ^ ... ^ a_(s-1) v_(k-s+1) ^ v_(k-s) ^ (v_(k-s) >> s).
Directions from_row(const DirectionRow& row) {
  const unsigned s = row.degree;
  Directions v{};
  for (unsigned b = 0; b < s; ++b) v[b] = row.initial[b] << (31U - b);
  for (unsigned b = s; b < SobolSequence::kBits; ++b) {
    v[b] = v[b - s] ^ (v[b - s] >> s);
    for (unsigned l = 1; l < s; ++l) {
      if (((row.coefficients >> (s - 1 - l)) & 1U) != 0) v[b] ^= v[b - l];
    }
  }
  return v;
}

}  // namespace

SobolSequence::SobolSequence(std::size_t dimensions) {
  if (dimensions == 0 || dimensions > kMaxDimensions) {
    throw InternalError(fmt::format("Sobol sequence of {} dimensions requested; 1 to {} exist",
                                    dimensions, kMaxDimensions));
  }
  directions_.reserve(dimensions);
  directions_.push_back(first_dimension());
  for (std::size_t d = 1; d < dimensions; ++d) directions_.push_back(from_row(kJoeKuo2008[d - 1]));
}

void SobolSequence::point(std::uint64_t index, std::span<double> out) const {
  if (index > kMaxIndex || out.size() != directions_.size()) {
    throw InternalError(fmt::format("Sobol point {} into {} values of a {}-dimensional sequence",
                                    index, out.size(), directions_.size()));
  }
  // The Antonov-Saleev point n is the XOR of the direction numbers at the set bits of gray(n).
  const std::uint64_t gray = index ^ (index >> 1U);
  constexpr double kScale = 0x1.0p-32;
  for (std::size_t d = 0; d < directions_.size(); ++d) {
    std::uint32_t bits = 0;
    for (unsigned b = 0; b < kBits; ++b) {
      if (((gray >> b) & 1U) != 0) bits ^= directions_[d][b];
    }
    out[d] = static_cast<double>(bits) * kScale;
  }
}

std::vector<double> SobolSequence::point(std::uint64_t index) const {
  std::vector<double> result(directions_.size());
  point(index, result);
  return result;
}

}  // namespace seccoop::sim
