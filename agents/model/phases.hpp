#pragma once
// The weekly phases of the security model (MODEL.md section 5), in the order simulation.cpp
// runs them. Each reads the state the previous phases left and writes its own outputs.
#include "agents/model/run_state.hpp"

namespace seccoop::agents {

void run_events_phase(RunState& state);        // 1. scheduled scenario events
void run_policy_phase(RunState& state);        // 2. pressure, tariffs, authorisation, stance
void run_intelligence_phase(RunState& state);  // 3. collection, sharing, leaks
void run_operations_phase(RunState& state);    // 4. joint, domestic, unilateral operations
void run_cartel_phase(RunState& state);        // 5. cohesion, splits, the calibrated core
void run_flows_phase(RunState& state);         // 6. fentanyl flows, violence by region
void run_trust_phase(RunState& state);         // 7. trust and coordination update
void run_record_phase(RunState& state);        // 8. outputs

// Shared by events and operations.
/// `captures` leaders of `cartel` taken; `contained` in [0, 1] is the share of the succession
/// contest that Mexican forces deployed with the operation contain.
void apply_leader_captures(RunState& state, std::size_t cartel, double captures, double contained);
/// Who strikes. It keys the draw of the leaders a strike kills, so that two strikes on one
/// cartel in one week (an agency's and a scheduled one, or two agencies') draw independently.
struct Striker {
  std::uint64_t entity = 0;  // actor index, or scheduled event index
  DrawPurpose purpose = DrawPurpose::strike;

  static Striker actor(std::size_t index) { return {index, DrawPurpose::strike}; }
  static Striker scheduled_event(std::size_t index) {
    return {index, DrawPurpose::scheduled_strike};
  }
};
/// `strikes` US military strikes on `cartel` in Mexico by `striker`.
void apply_strikes(RunState& state, std::size_t cartel, double strikes, Striker striker);
/// Mean trust along edges from actors of `from` country to actors of the other.
double mean_trust(const RunState& state, Country from);
/// Mean trust of one actor in the actors of the other country, as of the start of this week
/// (computed once a week by the policy phase).
double actor_trust(const RunState& state, std::size_t actor);
/// The same, computed from the trust edges now.
double mean_trust_of(const RunState& state, std::size_t actor);

}  // namespace seccoop::agents
