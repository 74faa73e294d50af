// Scenario events: timing, the keys of every type, and every way an event can be wrong.
#include "agents/world/event_reader.hpp"

#include <gtest/gtest.h>

#include "agents/scenario/scenario.hpp"
#include "tests/agents/world/world_test_support.hpp"

namespace seccoop::testing {
namespace {

using agents::EventType;
using agents::OperationMode;
using agents::OperationSite;
using agents::ScheduledEvent;

class EventReader : public ::testing::Test {
 protected:
  void SetUp() override {
    ParsedYaml parsed(small_world_yaml());
    world_ = read_world_text(parsed);
    ASSERT_TRUE(parsed.diagnostics.empty()) << parsed.all();
  }

  /// Reads `events: [<event>]`; problems are left in `problems_`.
  std::optional<ScheduledEvent> read(const std::string& event, bool with_world = true) {
    text_ = "events:\n  - " + event + "\n";
    parsed_ = std::make_unique<ParsedYaml>(text_, "s.yaml");
    const agents::EventContext context{.start = *sim::Date::parse_iso("2024-06-01"),
                                       .weeks = 52,
                                       .world = with_world ? &world_ : nullptr,
                                       .parameters = agents::model_parameter_table().get()};
    auto event_node = parsed_->root().find("events")->items().at(0);
    return agents::read_event(event_node, context);
  }
  [[nodiscard]] std::string problems() const { return parsed_->all(); }
  [[nodiscard]] const sim::Diagnostic& problem() const {
    EXPECT_EQ(parsed_->diagnostics.items().size(), 1U) << problems();
    return parsed_->diagnostics.items().at(0);
  }
  /// Column (1-based) of `snippet` on the event's line.
  [[nodiscard]] int column_of(const std::string& snippet) const {
    return static_cast<int>(text_.find(snippet) - text_.find("  - ")) + 1;
  }

  agents::WorldDefinition world_;
  std::string text_;
  std::unique_ptr<ParsedYaml> parsed_;
};

TEST_F(EventReader, DateMapsToTheWeekContainingIt) {
  // 2024-07-25 is 54 days after 2024-06-01: day 5 of week 8.
  const auto event = read("{date: 2024-07-25, type: transfer, count: 29}");
  ASSERT_TRUE(event) << problems();
  EXPECT_EQ(event->week, 8U);
  EXPECT_EQ(read("{date: 2024-06-01, type: transfer, count: 1}")->week, 1U);
  EXPECT_EQ(read("{date: 2024-06-07, type: transfer, count: 1}")->week, 1U);
  EXPECT_EQ(read("{date: 2024-06-08, type: transfer, count: 1}")->week, 2U);
  EXPECT_EQ(read("{week: 52, type: transfer, count: 1}")->week, 52U);
  EXPECT_EQ(read("{week: 3, type: transfer, count: 29}")->source, "s.yaml:2");
}

TEST_F(EventReader, CaptureResolvesNamesAndMode) {
  const auto event = read(
      "{week: 9, type: capture, target: North, by: DEA, mode: unilateral, location: us_soil, "
      "leaders: 2}");
  ASSERT_TRUE(event) << problems();
  EXPECT_EQ(event->type, EventType::capture);
  EXPECT_EQ(event->target, 0);
  EXPECT_EQ(event->actor, 0);
  EXPECT_EQ(event->mode, OperationMode::unilateral);
  EXPECT_EQ(event->site, OperationSite::us_soil);
  EXPECT_DOUBLE_EQ(event->amount, 2.0);
  const auto domestic = read("{week: 9, type: capture, target: South, by: SEMAR, mode: domestic}");
  ASSERT_TRUE(domestic) << problems();
  EXPECT_EQ(domestic->site, OperationSite::mx_soil);
  EXPECT_DOUBLE_EQ(domestic->amount, 1.0);  // one leader by default
}

TEST_F(EventReader, StrikeDefaultsToDodAndRepeats) {
  const auto event =
      read("{week: 13, type: strike, target: South, every_weeks: 4, until: 2025-01-01}");
  ASSERT_TRUE(event) << problems();
  EXPECT_EQ(event->actor, 1);  // DoD
  EXPECT_EQ(event->mode, OperationMode::unilateral);
  EXPECT_DOUBLE_EQ(event->amount, 1.0);
  EXPECT_EQ(event->repeat_every_weeks, 4U);
  EXPECT_EQ(event->repeat_until_week, 31U);  // 2025-01-01 is day 214: week 31
  const auto to_horizon =
      read("{week: 13, type: strike, target: South, intensity: 3, every_weeks: 4}");
  EXPECT_EQ(to_horizon->repeat_until_week, 52U);
  EXPECT_DOUBLE_EQ(to_horizon->amount, 3.0);
}

TEST_F(EventReader, OtherTypesReadTheirKeys) {
  const auto seizure = read("{week: 2, type: seizure, by: SEMAR, kg: 1100, target: North}");
  ASSERT_TRUE(seizure) << problems();
  EXPECT_DOUBLE_EQ(seizure->amount, 1100.0);
  EXPECT_EQ(seizure->mode, OperationMode::domestic);
  const auto framework = read("{week: 1, type: framework, members: all, coordination: 0.7}");
  ASSERT_TRUE(framework) << problems();
  EXPECT_EQ(framework->members, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_DOUBLE_EQ(framework->amount, 0.7);
  const auto listed = read("{week: 1, type: framework, members: [SEMAR, DEA], coordination: 0.5}");
  EXPECT_EQ(listed->members, (std::vector<std::uint32_t>{2, 0}));
  const auto tariff = read("{week: 1, type: tariff, rate: 0.25, policy: conditional}");
  EXPECT_EQ(tariff->tariff_policy, agents::TariffPolicy::conditional);
  EXPECT_DOUBLE_EQ(tariff->amount, 0.25);
  const auto set =
      read("{week: 5, type: set, parameter: core.recruitment_rate_per_week, value: 0.003}");
  ASSERT_TRUE(set) << problems();
  EXPECT_EQ(agents::model_parameter_table()->spec(set->parameter).path,
            "core.recruitment_rate_per_week");
  EXPECT_DOUBLE_EQ(set->amount, 0.003);
}

TEST_F(EventReader, UnknownTargetSuggestsACartel) {
  EXPECT_FALSE(read("{week: 2, type: seizure, by: SEMAR, kg: 5, target: Nort}"));
  EXPECT_EQ(
      problem().to_string(),
      "s.yaml:2:" + std::to_string(column_of("Nort}")) +
          ": key 'events[0].target': unknown cartel (did you mean 'North'?) (expected the name "
          "of a cartel of the world, found 'Nort')");
}

TEST_F(EventReader, CaptureByACartelIsTheWrongActorType) {
  EXPECT_FALSE(read("{week: 2, type: capture, target: South, by: North, mode: joint}"));
  EXPECT_EQ(problem().key, "events[0].by");
  EXPECT_EQ(problem().message, "wrong actor type");
  EXPECT_EQ(problem().found, "cartel 'North'");
  EXPECT_EQ(problem().where.column, column_of("North, mode"));
}

TEST_F(EventReader, CaptureModeMustFitTheActor) {
  EXPECT_FALSE(read("{week: 2, type: capture, target: South, by: SEMAR, mode: unilateral}"));
  EXPECT_EQ(problem().expected, "a US agency (a unilateral capture is made by a US agency)");
  EXPECT_FALSE(read("{week: 2, type: capture, target: South, by: DEA, mode: domestic}"));
  EXPECT_EQ(problem().expected, "a Mexican body (a domestic capture is made by a Mexican body)");
  EXPECT_FALSE(
      read("{week: 2, type: capture, target: South, by: SEMAR, mode: joint, location: us_soil}"));
  EXPECT_EQ(problem().expected, "a US agency (only US agencies capture on US soil)");
}

TEST_F(EventReader, StrikeNeedsAnActorThatCanStrike) {
  EXPECT_FALSE(read("{week: 2, type: strike, target: South, by: DEA}"));
  EXPECT_EQ(problem().message, "this actor cannot strike");
  EXPECT_EQ(problem().found, "'DEA' (can_strike: false)");
  EXPECT_FALSE(read("{week: 2, type: strike, target: South, by: SEMAR}"));
  EXPECT_EQ(problem().expected, "a state actor of type us_agency");
  EXPECT_FALSE(read("{week: 2, type: strike, target: South, until: 10}"));
  EXPECT_EQ(problem().message, "until needs every_weeks");
  EXPECT_FALSE(read("{week: 20, type: strike, target: South, every_weeks: 2, until: 10}"));
  EXPECT_EQ(problem().message, "repeat ends before the event starts");
}

TEST_F(EventReader, DatesOutsideTheHorizonAreReported) {
  EXPECT_FALSE(read("{date: 2024-05-31, type: transfer, count: 1}"));
  EXPECT_EQ(problem().message, "date before the scenario's start");
  EXPECT_EQ(problem().expected, "a date from 2024-06-01 to 2025-05-30 (weeks 1 to 52)");
  EXPECT_EQ(problem().found, "2024-05-31");
  EXPECT_EQ(problem().where.line, 2);
  EXPECT_EQ(problem().where.column, column_of("2024-05-31"));
  EXPECT_FALSE(read("{date: 2025-05-31, type: transfer, count: 1}"));
  EXPECT_EQ(problem().message, "date after the scenario's horizon");
  EXPECT_FALSE(read("{week: 53, type: transfer, count: 1}"));
  EXPECT_EQ(problem().to_string(), "s.yaml:2:" + std::to_string(column_of("53")) +
                                       ": key 'events[0].week': week after the scenario's horizon "
                                       "(expected a week in [1, 52], found 53)");
  EXPECT_FALSE(read("{week: 0, type: transfer, count: 1}"));
  EXPECT_EQ(problem().message, "week before the scenario's start");
  EXPECT_FALSE(read("{date: 2024-02-30, type: transfer, count: 1}"));
  EXPECT_EQ(problem().message, "not a calendar date");
}

TEST_F(EventReader, TimingNeedsExactlyOneOfDateAndWeek) {
  EXPECT_FALSE(read("{date: 2024-07-25, week: 3, type: transfer, count: 1}"));
  EXPECT_EQ(problem().message, "give either date or week, not both");
  EXPECT_FALSE(read("{type: transfer, count: 1}"));
  EXPECT_EQ(problem().message, "missing required key: date or week");
}

TEST_F(EventReader, TypeAndKeysAreChecked) {
  EXPECT_FALSE(read("{week: 1, type: strik, target: South}"));
  EXPECT_EQ(problem().message, "unknown value (did you mean 'strike'?)");
  EXPECT_EQ(problem().key, "events[0].type");
  EXPECT_FALSE(read("{week: 1, type: transfer, cuont: 3}"));
  EXPECT_NE(problems().find("key 'events[0].cuont': unknown key (did you mean 'count'?)"),
            std::string::npos)
      << problems();
  EXPECT_FALSE(read("{week: 1, type: tariff, rate: 1.25}"));
  EXPECT_EQ(problem().expected, "a number in [0, 1]");
}

TEST_F(EventReader, SetChecksThePathAndTheRange) {
  EXPECT_FALSE(read("{week: 1, type: set, parameter: core.recruitment_rate, value: 0.1}"));
  EXPECT_EQ(problem().message,
            "unknown parameter (did you mean 'core.recruitment_rate_per_week'?)");
  EXPECT_EQ(problem().key, "events[0].parameter");
  EXPECT_FALSE(read("{week: 1, type: set, parameter: core.recruitment_rate_per_week, value: 2}"));
  EXPECT_EQ(problem().message, "value out of range");
  EXPECT_EQ(problem().expected, "a number in [0, 1]");
  EXPECT_EQ(problem().key, "events[0].value");
}

TEST_F(EventReader, FrameworkIsBinationalWithoutRepeats) {
  EXPECT_FALSE(read("{week: 1, type: framework, members: [DEA, DoD], coordination: 0.5}"));
  EXPECT_EQ(problem().message, "a framework is binational");
  EXPECT_FALSE(read("{week: 1, type: framework, members: [DEA, SEMAR, DEA], coordination: 0.5}"));
  EXPECT_EQ(problem().message, "member listed twice");
  EXPECT_FALSE(read("{week: 1, type: framework, members: [DEA, SEMAT], coordination: 0.5}"));
  EXPECT_EQ(problem().message, "unknown state actor (did you mean 'SEMAR'?)");
}

TEST_F(EventReader, EventsThatNameAgentsNeedAWorld) {
  EXPECT_FALSE(read("{week: 1, type: capture, target: South, by: DEA, mode: joint}", false));
  EXPECT_EQ(problem().message, "this event needs a world");
  EXPECT_TRUE(read("{week: 1, type: tariff, rate: 0.25}", false)) << problems();
}

}  // namespace
}  // namespace seccoop::testing
