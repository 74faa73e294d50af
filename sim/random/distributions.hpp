#pragma once
// Distributions written out in full so that a given stream yields the same numbers with every
// standard library (std:: distributions are implementation-defined).
#include <cstdint>

#include "sim/random/random_stream.hpp"

namespace seccoop::sim {

/// True with probability p (p outside [0, 1] is clamped).
bool bernoulli(RandomStream& stream, double p) noexcept;

/// Standard normal variate.
double standard_normal(RandomStream& stream) noexcept;

/// Poisson count with the given mean (mean <= 0 gives 0). Exact for every mean: inversion for
/// small means, transformed rejection (Hoermann 1993, PTRS) for large ones.
std::uint64_t poisson(RandomStream& stream, double mean) noexcept;

/// Binomial count of n trials with success probability p. Exact: inversion for small n*p,
/// transformed rejection (Hoermann 1993, BTRS) otherwise.
std::uint64_t binomial(RandomStream& stream, std::uint64_t n, double p) noexcept;

}  // namespace seccoop::sim
