#pragma once
// Scenario events (MODEL.md section 7), resolved against the world: names are indices and
// dates are week numbers. Events are causes (a capture happens, a tariff is imposed); what
// follows from them is left to the model.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace seccoop::agents {

enum class EventType : std::uint8_t {
  capture,
  strike,
  seizure,
  transfer,
  framework,
  tariff,
  set,
  split
};
// `split` is never scheduled: the model logs it when a cartel splits.
enum class OperationMode : std::uint8_t { joint, domestic, unilateral };
enum class OperationSite : std::uint8_t { us_soil, mx_soil };
enum class TariffPolicy : std::uint8_t { fixed, conditional };

struct ScheduledEvent {
  EventType type = EventType::set;
  std::uint32_t week = 1;  // fires at the start of this week (1-based)
  std::string source;      // "file:line" of the event, for messages

  std::int64_t target = -1;  // cartel index (capture, strike, seizure)
  std::int64_t actor = -1;   // actor index of who acts (capture, strike, seizure)
  OperationMode mode = OperationMode::joint;
  OperationSite site = OperationSite::mx_soil;
  double amount = 0.0;  // capture: leaders taken; strike: intensity (strikes); seizure: kg;
                        // transfer: prisoners; framework: coordination level; tariff: rate;
                        // set: the new value
  TariffPolicy tariff_policy = TariffPolicy::fixed;
  std::vector<std::uint32_t> members;    // framework: actor indices joining
  std::size_t parameter = 0;             // set: index in the parameter table
  std::uint32_t repeat_every_weeks = 0;  // strike: repeat at this interval (0 = once)
  std::uint32_t repeat_until_week = 0;

  friend bool operator==(const ScheduledEvent&, const ScheduledEvent&) = default;
};

/// YAML names of the enumerations (`capture`, `unilateral`, `us_soil`, `conditional`, ...).
std::string to_string(EventType type);
std::string to_string(OperationMode mode);
std::string to_string(OperationSite site);
std::string to_string(TariffPolicy policy);

}  // namespace seccoop::agents
