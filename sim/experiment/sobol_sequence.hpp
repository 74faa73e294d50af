#pragma once
// The Sobol low-discrepancy sequence (Sobol 1967) with the direction numbers of Joe & Kuo 2008,
// file new-joe-kuo-6.21201 ("Constructing Sobol sequences with better two-dimensional
// projections", SIAM J. Sci. Comput. 30:2635-2654).
//
// Plain, not scrambled: a design is then fully described by its size, so anyone can re-create
// it from the published numbers, and tests can compare points with published values.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace seccoop::sim {

class SobolSequence {
 public:
  /// Dimensions whose direction numbers are tabulated (dimension 1 plus 32 rows of the table),
  /// enough for a Saltelli design over 16 parameters (2k dimensions).
  static constexpr std::size_t kMaxDimensions = 33;
  /// Bits per coordinate: points 0 .. 2^32 - 1 are distinct and exact in a double.
  static constexpr unsigned kBits = 32;
  static constexpr std::uint64_t kMaxIndex = (std::uint64_t{1} << kBits) - 1;

  /// InternalError unless 1 <= dimensions <= kMaxDimensions.
  explicit SobolSequence(std::size_t dimensions);

  [[nodiscard]] std::size_t dimensions() const noexcept { return directions_.size(); }

  /// Point `index` of the sequence in [0, 1)^d; index 0 is the origin. The order is the
  /// Gray-code order of Antonov & Saleev 1979 (the order of most libraries, e.g. SciPy), computed
  /// directly so that any point can be had without generating those before it.
  /// InternalError if index > kMaxIndex or out.size() != dimensions().
  void point(std::uint64_t index, std::span<double> out) const;
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const;

 private:
  // directions_[d][b]: direction number v_(b+1) of dimension d+1, as a 32-bit binary fraction.
  std::vector<std::array<std::uint32_t, kBits>> directions_;
};

}  // namespace seccoop::sim
