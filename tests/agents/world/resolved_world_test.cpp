// A world and its events written back as YAML read back unchanged, so that a results file
// alone reproduces a run.
#include "agents/world/resolved_world.hpp"

#include <gtest/gtest.h>

#include "agents/scenario/scenario.hpp"
#include "agents/world/event_reader.hpp"
#include "tests/agents/world/world_test_support.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

agents::WorldDefinition round_trip(const agents::WorldDefinition& world) {
  YAML::Emitter out;
  agents::emit_world(out, world);
  EXPECT_TRUE(out.good()) << out.GetLastError();
  ParsedYaml parsed(out.c_str(), "resolved.yaml");
  const auto again = read_world_text(parsed);
  EXPECT_TRUE(parsed.diagnostics.empty()) << parsed.all() << out.c_str();
  return again;
}

TEST(WorldResolved, SmallWorldReadsBackEqual) {
  ParsedYaml parsed(small_world_yaml());
  const auto world = read_world_text(parsed);
  EXPECT_EQ(round_trip(world), world);
}

TEST(WorldResolved, DefaultWorldReadsBackEqual) {
  sim::Diagnostics diagnostics;
  const auto world =
      agents::read_world_file(config_dir() / "world" / "mexico-2025.yaml", diagnostics);
  ASSERT_TRUE(world.has_value());
  const auto again = round_trip(*world);
  EXPECT_EQ(again, *world);
  // A second pass is a fixed point too (no drift from re-normalising shares).
  EXPECT_EQ(round_trip(again), *world);
}

TEST(EventResolved, EveryEventTypeReadsBackEqual) {
  ParsedYaml world_text(small_world_yaml());
  const auto world = read_world_text(world_text);
  const auto table = agents::model_parameter_table();
  const agents::EventContext context{.start = *sim::Date::parse_iso("2025-01-20"),
                                     .weeks = 208,
                                     .world = &world,
                                     .parameters = table.get()};
  const std::string events = R"(events:
  - {date: 2025-03-01, type: capture, target: North, by: DEA, mode: unilateral, location: us_soil, leaders: 2}
  - {week: 13, type: strike, target: South, intensity: 2.5, every_weeks: 4, until: 60}
  - {week: 14, type: strike, target: South}
  - {week: 2, type: seizure, by: SEMAR, kg: 1100.5, target: North}
  - {week: 3, type: transfer, count: 29}
  - {week: 1, type: framework, members: all, coordination: 0.7}
  - {week: 1, type: tariff, rate: 0.25, policy: conditional}
  - {week: 5, type: set, parameter: core.recruitment_rate_per_week, value: 0.0031}
)";
  const auto read_all = [&](const std::string& text) {
    ParsedYaml parsed(text);
    std::vector<agents::ScheduledEvent> result;
    for (const auto& item : parsed.root().find("events")->items()) {
      auto event = agents::read_event(item, context);
      EXPECT_TRUE(event.has_value()) << parsed.all();
      if (event) result.push_back(*event);
      if (!result.empty()) result.back().source.clear();  // where it was read, not what it is
    }
    return result;
  };
  const auto original = read_all(events);
  ASSERT_EQ(original.size(), 8U);
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "events" << YAML::Value;
  agents::emit_events(out, original, &world, *table);
  out << YAML::EndMap;
  EXPECT_EQ(read_all(out.c_str()), original) << out.c_str();
}

}  // namespace
}  // namespace seccoop::testing
