#pragma once
#include <cstdint>

#include "agents/model/run_record.hpp"
#include "agents/model/world.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::agents {

/// Runs one replicate of `world` for its scenario's horizon. The result depends only on the
/// world and the stream key (master seed, run index).
RunRecord simulate_run(const World& world, sim::StreamKey key);

}  // namespace seccoop::agents
