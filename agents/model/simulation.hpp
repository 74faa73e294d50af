#pragma once
#include <cstdint>

#include "agents/model/run_record.hpp"
#include "agents/model/world.hpp"
#include "sim/random/random_stream.hpp"
#include "sim/time/phase_pipeline.hpp"

namespace seccoop::agents {

struct RunState;

/// Runs one replicate of `world` for its scenario's horizon. The result depends only on the
/// world and the stream key (master seed, run index).
RunRecord simulate_run(const World& world, sim::StreamKey key);

/// The phases of one week, in order, as simulate_run runs them (benchmarks time each one).
sim::PhasePipeline<RunState> week_pipeline();
/// Clears what the previous week tallied; simulate_run calls it before each week's phases.
void start_week(RunState& state);

}  // namespace seccoop::agents
