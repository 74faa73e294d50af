#pragma once
// Reads the `sweep:` block of an experiment file (OUTPUT.md, "Experiment YAML"):
//
//   sweep:
//     method: sobol        # grid | list | lhs | sobol
//     samples: 64          # lhs: points; sobol: base samples N (a power of two)
//     seed: 7              # lhs only; default: the experiment's seed
//     parameters:          # parameter path -> how it is swept, in axis order
//       core.recruitment_rate_per_week: {min: 0.002, max: 0.003}
//       core.incapacitation_per_week: {min: 50, max: 500, scale: log}
//       core.conflict_lethality: {values: [1e-8, 2e-8]}       # grid only
//       core.other_rate: {min: 0, max: 1, points: 5}          # grid over a range
//     points:              # list only: one row per point, in the order of `parameters`
//       - [0.0025, 1.5e-8]
//
// grid axes take `values` or `min`/`max`/`points` (+ `scale`); lhs and sobol axes take `min`/`max`
// (+ `scale`); list axes take nothing (`core.x: {}` or `core.x:`), their values are the rows of
// `points`. Every problem is reported into the node's Diagnostics with its file:line:col, and
// the result is then empty: one pass reports all of them.
#include <cstdint>
#include <optional>

#include "sim/config/config_node.hpp"
#include "sim/config/parameters.hpp"
#include "sim/experiment/sweep_design.hpp"

namespace seccoop::sim {

/// The design, or nothing when a problem was reported. `default_seed` (the experiment's seed)
/// randomises an lhs design that gives no seed of its own. Paths are not checked.
[[nodiscard]] std::optional<SweepDesign> read_sweep(const ConfigNode& sweep_node,
                                                    std::uint64_t default_seed);

/// As above, and every path must be a parameter of `parameters` (an unknown one is reported
/// with a did-you-mean) and every value and range end inside that parameter's declared range;
/// whole-number parameters take explicit whole values only.
[[nodiscard]] std::optional<SweepDesign> read_sweep(const ConfigNode& sweep_node,
                                                    const ParameterTable& parameters,
                                                    std::uint64_t default_seed);

}  // namespace seccoop::sim
