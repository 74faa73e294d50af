#pragma once
#include <cstddef>

#include "agents/model/run_state.hpp"

namespace seccoop::agents {

/// Splits cartel `parent` into two factions (MODEL.md section 5.4): a new slot takes a share of
/// its members, fentanyl capacity and revenue; both inherit presence, rivalries, alliances,
/// corruption reach and what every agency knows of the parent; a new rivalry between the two
/// escalates toward `cartel.split_rivalry_weight`. Returns false when no slot is free.
bool split_cartel(RunState& s, std::size_t parent);

}  // namespace seccoop::agents
