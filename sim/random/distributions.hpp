#pragma once
// Distributions written out in full so that a given stream yields the same numbers with every
// standard library (std:: distributions are implementation-defined). Results still rely on the C
// library's exp/log/sqrt; a different libm may change the last bits, which the known-answer tests
// in tests/sim/random would report.
#include <cstdint>

#include "sim/random/random_stream.hpp"

namespace seccoop::sim {

/// True with probability p (p outside [0, 1] is clamped; NaN counts as 0). Always consumes
/// exactly one draw, so streams stay aligned across scenarios that differ only in p.
bool bernoulli(RandomStream& stream, double p) noexcept;

/// Standard normal variate (Marsaglia's polar method; consumes a variable number of draws).
double standard_normal(RandomStream& stream) noexcept;

/// Poisson count with the given mean (mean <= 0 or NaN gives 0). Exact up to a mean of 1e12:
/// inversion below 10, transformed rejection (Hoermann 1993, PTRS) from 10. Above 1e12 it returns
/// the normal approximation rounded to the nearest integer and clamped to [0, 2^64 - 1]; the
/// relative error of that approximation is of order mean^-1/2 <= 1e-6.
std::uint64_t poisson(RandomStream& stream, double mean) noexcept;

/// Binomial count of n trials with success probability p. Exact: inversion when
/// n * min(p, 1 - p) < 10, transformed rejection (Hoermann 1993, BTRS) otherwise. n = 0 or
/// p <= 0 (or NaN) gives 0 and p >= 1 gives n, without consuming a draw.
std::uint64_t binomial(RandomStream& stream, std::uint64_t n, double p) noexcept;

/// Binomial count of n trials with success probability 1 - exp(-hazard): how many of n
/// members leave over a period in which each bears the total hazard `hazard` (>= 0; 0 or NaN
/// gives 0 without consuming a draw). The same draws as binomial(n, -expm1(-hazard)) but for
/// the rounding of P(X = 0), computed as exp(-n hazard) instead of exp(n log1p(-p)): one
/// logarithm less per draw, and a draw differs only for a uniform within a few 1e-16 of a
/// cumulative probability.
std::uint64_t binomial_at_hazard(RandomStream& stream, std::uint64_t n, double hazard) noexcept;

/// log(k!) to about 1e-15 relative (absolute for k = 0, 1), for every k. Safe to call from many
/// threads, unlike std::lgamma, which writes the global `signgam` in glibc.
double log_factorial(std::uint64_t k) noexcept;

}  // namespace seccoop::sim
