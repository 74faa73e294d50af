#pragma once
// The mutable state of one run, as struct-of-arrays. Cartel arrays have `cartel_capacity`
// slots; slots past `cartel_count` are free for factions created by splits. Phases read and
// write it in a fixed order (simulation.cpp); `tally` holds what happened this week.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "agents/cartel/conflict_network.hpp"
#include "agents/cartel/membership_dynamics.hpp"
#include "agents/model/run_record.hpp"
#include "agents/model/sampler.hpp"
#include "agents/model/weekly_totals.hpp"
#include "agents/model/world.hpp"
#include "agents/world/scheduled_event.hpp"

namespace seccoop::agents {

struct CartelState {
  std::size_t count = 0;  // slots in use
  std::vector<double> members;
  std::vector<double> cohesion;
  std::vector<double> alertness;
  std::vector<double> contest_multiplier;
  std::vector<double> fentanyl_share;
  std::vector<double> corruption_reach;
  std::vector<double> revenue_average;    // USD/week, smoothed
  std::vector<double> revenue_reference;  // USD/week at the start (0: no fentanyl revenue)
  std::vector<double> reference_members;  // members its production capacity is sized for
  std::vector<std::int32_t> parent;       // slot it split from, -1 for an original cartel
  std::vector<std::vector<Presence>> presence;
};

/// A rivalry whose weight moves toward a target (factions of a split escalate).
struct DynamicRivalry {
  std::uint32_t first = 0;
  std::uint32_t second = 0;
  double weight = 0.0;
  double target = 0.0;
};

/// Where the deaths of a rivalry fall: for each side, regions and shares summing to 1 (where
/// both are present, by p_a(r) p_b(r); where they share no region, where that side is).
struct RivalryGround {
  std::vector<Presence> first;
  std::vector<Presence> second;
};

struct ActorState {
  std::vector<double> capability;  // effort units/week this week
  std::vector<double> integrity;
  std::vector<double> intel;             // [actor][cartel slot]
  std::vector<double> unilateral_share;  // share of effort authorised to act alone this week
  std::vector<std::uint8_t> in_framework;
  std::vector<std::vector<std::uint32_t>> targets;  // priority cartel slots this week
};

/// Buffers the intelligence phase refills every week, kept so that a week allocates nothing.
struct IntelScratch {
  std::vector<double> fentanyl_share;     // by cartel slot: of the cartels' fentanyl trade
  std::vector<double> violence_share;     // by cartel slot: of last week's deaths (or members)
  std::vector<double> threat;             // by cartel slot, for one country
  std::vector<std::uint32_t> us_targets;  // this week's priorities of US agencies
  std::vector<std::uint32_t> mx_targets;  // and of Mexican bodies
  std::vector<std::size_t> sent_begin;    // by trust edge (+1): where its entries in `sent` start
  std::vector<std::pair<std::uint32_t, double>> sent;  // (cartel slot, volume) sent this week
  std::vector<double> received;                        // by cartel slot; all zero between uses
  std::vector<std::uint32_t> touched;                  // cartel slots with something in `received`
};

/// Buffers the flows phase refills every week when it places violence (flows_phase.cpp).
struct ViolenceScratch {
  std::vector<double> regional_members;             // by region: members of all cartels there
  std::vector<double> rivalry_pressure;             // by cartel slot: sum_j w_ij m_i m_j y_j
  std::vector<double> rivalry_deaths_per_pressure;  // by cartel slot
};

struct PolicyState {
  double us_pressure = 0.0;
  double mx_stance = 0.0;
  double tariff_rate = 0.0;      // in force this week
  double tariff_max_rate = 0.0;  // rate of the tariff policy, when one is set
  TariffPolicy tariff_policy = TariffPolicy::fixed;
  bool tariff_policy_set = false;
  bool conditional_tariff_on = false;
  double framework_level = 0.0;  // coordination a framework builds toward (0: none)
};

/// What happened this week; reset at the start of each week.
struct WeekTally {
  std::vector<double> arrests;                  // by cartel slot
  std::vector<double> seized_mx_kg;             // by cartel slot
  std::vector<double> seizure_hazard;           // by cartel slot: on its production this week
  std::vector<double> seizure_effort_by_actor;  // [actor][cartel slot], to attribute seizures
  std::vector<double> seized_by_actor_kg;
  std::vector<double> hvt_captures;        // by cartel slot
  std::vector<double> strike_deaths;       // by region: members and bystanders killed by strikes
  std::vector<double> collateral_deaths;   // by region: bystanders only
  double operations[3] = {0.0, 0.0, 0.0};  // effort by OperationMode
  double leaks = 0.0;
  double detected_leaks = 0.0;
  double sovereignty_shock = 0.0;
  double transfers = 0.0;
  double strikes = 0.0;
  double seized_border_kg = 0.0;
  double flow_to_us_kg = 0.0;
  double production_kg = 0.0;
  std::vector<double> trust_success;   // by trust edge: evidence of reciprocity
  std::vector<double> trust_betrayal;  // by trust edge: evidence of betrayal
  std::vector<double> shared_volume;   // by trust edge: intelligence sent along it

  void reset(std::size_t cartels, std::size_t regions, std::size_t actors, std::size_t trust_edges);
  /// Mexican seizures of this week so far, in kg.
  [[nodiscard]] double seized_in_mexico() const;
};

using EventRow = RunRecord::Event;

struct RunState {
  const World* world = nullptr;
  Sampler sampler;
  std::uint64_t week = 0;  // 1-based week being simulated
  CartelState cartels;
  std::vector<DynamicRivalry> rivalries;
  std::vector<double> rivalry_weights;        // scratch: current weights, by rivalry index
  std::vector<RivalryGround> rivalry_ground;  // by rivalry index
  std::vector<CartelPair> alliances;
  std::vector<sim::AgentId> cartel_vertex;  // by cartel slot
  ActorState actors;
  IntelScratch intel_scratch;
  std::vector<TrustEdge> trust;
  std::vector<CoordinationEdge> coordination;
  PolicyState policy;
  sim::ParameterValues parameter_values;  // changed by `set` events
  ModelParameters parameters;             // typed view of parameter_values
  CoreParameters core;
  WeekTally tally;
  double previous_results = 0.0;                   // results of last week, in pressure units
  double previous_flow_kg = 0.0;                   // fentanyl that reached the US last week
  double previous_shock = 0.0;                     // sovereignty shock of last week
  std::vector<std::int64_t> reverse_trust_edge;    // by trust edge: the edge back, or -1
  std::vector<std::int64_t> coordination_of_pair;  // [actor][actor]: coordination edge or -1
  std::vector<std::vector<std::uint32_t>> trust_edges_into;  // by actor
  std::vector<double> trust_in_partners;  // by actor: mean trust this week (policy phase)
  MembershipDrivers drivers;
  MembershipFlows flows;
  // Summed once, by the cartel phase that wrote the flows: violence and the record both read
  // them, and each sum is a chain of dependent additions (weekly_totals.hpp).
  FlowTotals flow_totals_in_use;  // slots [0, cartels.count)
  FlowTotals flow_totals;         // every slot: what the record holds
  // Summed once, by the flows phase (the last to change these tallies), for policy and record.
  double captures_in_use = 0.0;      // high-value targets, cartel slots [0, cartels.count)
  double seized_in_mexico_kg = 0.0;  // every slot
  MembershipDynamics dynamics;
  bool conflict_network_stale = true;
  std::vector<double> deaths_by_region;
  ViolenceScratch violence_scratch;
  std::vector<EventRow> events;
  RunRecord* record = nullptr;
  // Every members and cohesion row recorded so far was finite (the record phase checks them
  // as it copies them, so the check of the finished record need not read them again).
  bool cartel_rows_finite = true;

  RunState(const World& world, sim::StreamKey key, RunRecord& record);

  [[nodiscard]] std::size_t actor_count() const { return world->actor_count(); }
  [[nodiscard]] const StateActorDefinition& actor(std::size_t a) const {
    return world->definition->actors[a];
  }
  [[nodiscard]] double& intel(std::size_t actor, std::size_t cartel) {
    return actors.intel[actor * world->cartel_capacity + cartel];
  }
  [[nodiscard]] double intel(std::size_t actor, std::size_t cartel) const {
    return actors.intel[actor * world->cartel_capacity + cartel];
  }
  /// Infiltration iota of Mexican body `actor` by cartel `cartel`.
  [[nodiscard]] double infiltration(std::size_t cartel, std::size_t actor) const {
    return cartels.corruption_reach[cartel] * (1.0 - actors.integrity[actor]);
  }
  [[nodiscard]] std::int64_t coordination_between(std::size_t a, std::size_t b) const {
    return coordination_of_pair[a * actor_count() + b];
  }
  [[nodiscard]] static double trust_level(const TrustEdge& edge) {
    return edge.alpha / (edge.alpha + edge.beta);
  }
  /// The world's graph plus the factions created by splits.
  [[nodiscard]] const sim::ActorGraph& graph() const {
    return own_graph_ ? *own_graph_ : world->graph;
  }
  /// The run's graph, to add factions to: copied from the world's at the first change (most
  /// runs never split a cartel, and copying every vertex and edge was thousands of
  /// allocations per run).
  sim::ActorGraph& graph_to_change() {
    if (!own_graph_) own_graph_ = world->graph;
    return *own_graph_;
  }
  /// Re-derives typed parameters after a `set` event.
  void reload_parameters();
  /// Rebuilds the core's conflict network after rivalries changed.
  void refresh_conflict_network();

 private:
  void index_relations();

  std::optional<sim::ActorGraph> own_graph_;  // see graph_to_change()
};

}  // namespace seccoop::agents
