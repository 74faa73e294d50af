#pragma once
// The keys of each event type (see event_reader.hpp for the timing keys they share).
#include "agents/world/event_reader.hpp"

namespace seccoop::agents {

/// Reads the keys of `event.type` from `node` into `event`; false when anything was reported.
bool read_event_fields(const sim::ConfigNode& node, const EventContext& context,
                       ScheduledEvent& event);

}  // namespace seccoop::agents
