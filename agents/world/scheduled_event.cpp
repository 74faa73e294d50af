#include "agents/world/scheduled_event.hpp"

#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

std::string to_string(EventType type) {
  switch (type) {
    case EventType::capture:
      return "capture";
    case EventType::strike:
      return "strike";
    case EventType::seizure:
      return "seizure";
    case EventType::transfer:
      return "transfer";
    case EventType::framework:
      return "framework";
    case EventType::tariff:
      return "tariff";
    case EventType::set:
      return "set";
    case EventType::split:
      return "split";
  }
  throw sim::InternalError("unknown event type");
}

std::string to_string(OperationMode mode) {
  switch (mode) {
    case OperationMode::joint:
      return "joint";
    case OperationMode::domestic:
      return "domestic";
    case OperationMode::unilateral:
      return "unilateral";
  }
  throw sim::InternalError("unknown operation mode");
}

std::string to_string(OperationSite site) {
  return site == OperationSite::us_soil ? "us_soil" : "mx_soil";
}

std::string to_string(TariffPolicy policy) {
  return policy == TariffPolicy::fixed ? "fixed" : "conditional";
}

}  // namespace seccoop::agents
