#include "agents/world/actor_reader.hpp"

#include <string>
#include <vector>

#include "agents/world/name_lookup.hpp"

namespace seccoop::agents {

namespace {

constexpr sim::NumberRange kUnit{0.0, 1.0};
constexpr sim::NumberRange kCapability{0.0, 1e9};
constexpr sim::NumberRange kSensitivity{0.0, 10.0};

/// Keys every kind has; the kind adds its own.
const std::vector<std::string>& common_fields() {
  static const std::vector<std::string> kFields = {"capability", "collection_rate", "initial_intel",
                                                   "border_share"};
  return kFields;
}

void read_number(const sim::ConfigNode& fields, std::string_view key, double& value,
                 sim::NumberRange range, bool required) {
  const auto node = required ? fields.require(key) : fields.find(key);
  if (node) value = node->number(value, range);
}

/// Checks the keys of `fields` for a kind with `own` keys, and reads the common ones.
void read_common(const sim::ConfigNode& fields, StateActorDefinition& actor, ActorFieldMode mode,
                 const std::vector<std::string>& own) {
  std::vector<std::string> allowed;
  if (mode == ActorFieldMode::definition) allowed = {"name", "type"};
  allowed.insert(allowed.end(), common_fields().begin(), common_fields().end());
  allowed.insert(allowed.end(), own.begin(), own.end());
  fields.check_keys(allowed);
  const bool required = mode == ActorFieldMode::definition;
  read_number(fields, "capability", actor.capability, kCapability, required);
  read_number(fields, "collection_rate", actor.collection_rate, kUnit, required);
  read_number(fields, "initial_intel", actor.initial_intel, kUnit, false);
  read_number(fields, "border_share", actor.border_share, kUnit, false);
}

void read_us_agency(const sim::ConfigNode& fields, StateActorDefinition& actor,
                    ActorFieldMode mode) {
  actor.type = ActorType::us_agency;
  read_common(fields, actor, mode, {"unilateral_propensity", "can_strike"});
  read_number(fields, "unilateral_propensity", actor.unilateral_propensity, kUnit, false);
  if (const auto strike = fields.find("can_strike")) actor.can_strike = strike->boolean(false);
}

void read_mx_body(const sim::ConfigNode& fields, StateActorDefinition& actor, ActorFieldMode mode) {
  actor.type = ActorType::mx_body;
  read_common(fields, actor, mode, {"integrity", "sovereignty_sensitivity"});
  read_number(fields, "integrity", actor.integrity, kUnit, false);
  read_number(fields, "sovereignty_sensitivity", actor.sovereignty_sensitivity, kSensitivity,
              false);
}

}  // namespace

const sim::KindRegistry<ActorFactory>& actor_kinds() {
  static const sim::KindRegistry<ActorFactory> kKinds = [] {
    sim::KindRegistry<ActorFactory> kinds;
    kinds.add(to_string(ActorType::us_agency), read_us_agency);
    kinds.add(to_string(ActorType::mx_body), read_mx_body);
    return kinds;
  }();
  return kKinds;
}

std::optional<StateActorDefinition> read_actor(const sim::ConfigNode& node) {
  if (!node.expect_mapping()) return std::nullopt;
  StateActorDefinition actor;
  if (const auto name = node.require("name")) actor.name = name->text();
  const auto type = node.require("type");
  if (!type) return std::nullopt;
  const ActorFactory* factory = actor_kinds().lookup(*type);
  if (factory == nullptr) return std::nullopt;
  (*factory)(node, actor, ActorFieldMode::definition);
  return actor;
}

void apply_actor_overrides(const sim::ConfigNode& node, WorldDefinition& world) {
  for (const auto& [name, fields] : keyed_entries(node)) {
    const auto index = find_actor(name, world);
    if (!index) continue;
    StateActorDefinition& actor = world.actors[*index];
    const ActorFactory* factory = actor_kinds().find(to_string(actor.type));
    if (factory == nullptr)
      throw sim::InternalError("actor kind not registered: " + to_string(actor.type));
    (*factory)(fields, actor, ActorFieldMode::override);
  }
}

void read_governments(const sim::ConfigNode& node, GovernmentState& state, bool all_required) {
  node.check_keys({"us_pressure", "mx_stance"});
  read_number(node, "us_pressure", state.us_pressure, kUnit, all_required);
  read_number(node, "mx_stance", state.mx_stance, kUnit, all_required);
}

}  // namespace seccoop::agents
