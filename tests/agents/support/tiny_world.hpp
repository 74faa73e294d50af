#pragma once
// A small world built in code, for tests that isolate one mechanism: two states, three
// cartels (A and B rivals), one US agency (with strike capability when asked) and one Mexican
// body, trusting each other both ways over one coordination channel.
#include <cstdint>
#include <memory>

#include "agents/model/run_state.hpp"
#include "agents/model/world.hpp"
#include "agents/scenario/scenario.hpp"

namespace seccoop::testing {

struct TinyWorld {
  agents::Scenario scenario;
  agents::World world;
  std::unique_ptr<agents::RunRecord> record;
  std::unique_ptr<agents::RunState> state;

  /// A run state at the start of week 1, tallies reset.
  agents::RunState& start() {
    world = agents::build_world(scenario);
    record = std::make_unique<agents::RunRecord>(0, static_cast<std::size_t>(scenario.weeks),
                                                 world.axis_sizes());
    state = std::make_unique<agents::RunState>(
        world, sim::StreamKey{.master_seed = 1, .run_index = 0}, *record);
    new_week(1);
    return *state;
  }

  /// Moves the state to `week` with its tallies reset, as the weekly pipeline starts a week.
  void new_week(std::uint64_t week) {
    state->week = week;
    state->tally.reset(world.cartel_capacity, world.definition->regions.size(), world.actor_count(),
                       state->trust.size());
  }
};

inline std::shared_ptr<agents::WorldDefinition> tiny_world_definition(bool us_can_strike = false) {
  using namespace agents;
  auto w = std::make_shared<WorldDefinition>();
  w->regions.codes = {"SIN", "JAL"};
  w->regions.names = {"Sinaloa", "Jalisco"};
  w->regions.population = {3026943, 8348151};
  w->regions.borders_us = {0, 0};
  w->regions.neighbours = {{}, {}};
  w->cartels = {
      {.name = "A",
       .initial_members = 10000,
       .cohesion = 0.9,
       .fentanyl_share = 0.5,
       .corruption_reach = 1.0,
       .presence = {{0, 0.8}, {1, 0.2}}},
      {.name = "B",
       .initial_members = 20000,
       .cohesion = 0.9,
       .fentanyl_share = 0.5,
       .corruption_reach = 1.0,
       .presence = {{1, 1.0}}},
      {.name = "C", .initial_members = 1000, .cohesion = 0.9, .presence = {{1, 1.0}}},
  };
  w->rivalries = {{.first = 0, .second = 1, .weight = 3}};
  w->actors = {
      {.name = "US",
       .type = ActorType::us_agency,
       .capability = 10,
       .collection_rate = 0.1,
       .initial_intel = 0.5,
       .unilateral_propensity = 1.0,
       .can_strike = us_can_strike},
      {.name = "MX",
       .type = ActorType::mx_body,
       .capability = 10,
       .collection_rate = 0.05,
       .initial_intel = 0.1,
       .integrity = 0.5,
       .sovereignty_sensitivity = 1.0},
  };
  w->trust = {{.from = 0, .to = 1, .alpha = 5, .beta = 5},
              {.from = 1, .to = 0, .alpha = 5, .beta = 5}};
  w->coordination = {{.us_actor = 0, .mx_actor = 1, .level = 0.5}};
  w->governments = {.us_pressure = 0.5, .mx_stance = 0.8};
  return w;
}

inline TinyWorld make_tiny_world(bool us_can_strike = false) {
  TinyWorld tiny{.scenario = {.name = "tiny",
                              .start = *sim::Date::parse_iso("2025-01-20"),
                              .weeks = 10,
                              .integration = agents::IntegrationMode::expected,
                              .parameters = sim::ParameterValues(agents::model_parameter_table())}};
  tiny.scenario.world = tiny_world_definition(us_can_strike);
  return tiny;
}

}  // namespace seccoop::testing
