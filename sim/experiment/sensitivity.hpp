#pragma once
// Sobol sensitivity indices from the outputs of a Saltelli design (SweepDesign::sobol):
//   first order  S_i  = mean_j f(B_j) (f(AB^(i)_j) - f(A_j)) / V      (Saltelli et al. 2010)
//   total        ST_i = mean_j (f(A_j) - f(AB^(i)_j))^2 / (2 V)        (Jansen 1999)
// with V the variance (divisor 2N) of the 2N outputs at A and B. Confidence intervals are
// percentile bootstrap intervals over the base samples: a resample draws N base samples j with
// replacement and keeps each one's A, B and AB rows together.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/experiment/sweep_design.hpp"

namespace seccoop::sim {

struct SensitivityIndices {
  std::string path;
  double first_order = 0.0;
  double first_order_ci_low = 0.0;
  double first_order_ci_high = 0.0;
  double total = 0.0;
  double total_ci_low = 0.0;
  double total_ci_high = 0.0;
};

struct BootstrapOptions {
  std::size_t resamples = 1000;  // 0: no intervals (NaN)
  double confidence = 0.95;
  /// Resample r draws from RandomStream(key (seed, 0), counter (0, r, 0)): same seed, same CIs.
  std::uint64_t seed = 0;
};

/// One entry per axis of `design`, in axis order. `outputs` holds one model output per design
/// point, in design order. When the outputs do not vary (V = 0) the indices are undefined and
/// returned as NaN. InternalError if the design is not a Sobol design or the sizes differ.
[[nodiscard]] std::vector<SensitivityIndices> sobol_indices(const SweepDesign& design,
                                                            std::span<const double> outputs,
                                                            const BootstrapOptions& bootstrap = {});

}  // namespace seccoop::sim
