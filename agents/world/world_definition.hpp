#pragma once
// A world as the scenario files describe it: regions, cartels, state actors, governments and
// the relations between them. Plain data, read once from YAML (world_reader.hpp) and shared
// read-only by every run of a scenario. Indices (cartel, actor, region) are positions in the
// vectors below; relations refer to them by index.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/time/calendar.hpp"

namespace seccoop::agents {

enum class Country : std::uint8_t { us, mx };
enum class ActorType : std::uint8_t { us_agency, mx_body };

struct Regions {
  std::vector<std::string> codes;  // e.g. "SIN"
  std::vector<std::string> names;  // e.g. "Sinaloa"
  std::vector<double> population;  // people (INEGI 2020 census)
  std::vector<std::uint8_t> borders_us;
  std::vector<std::vector<std::uint32_t>> neighbours;

  [[nodiscard]] std::size_t size() const noexcept { return codes.size(); }
  [[nodiscard]] std::optional<std::uint32_t> index_of(const std::string& code) const;

  friend bool operator==(const Regions&, const Regions&) = default;
};

/// A cartel's share of its activity in one region; a cartel's shares sum to 1.
struct Presence {
  std::uint32_t region = 0;
  double share = 0.0;

  friend bool operator==(const Presence&, const Presence&) = default;
};

struct CartelDefinition {
  std::string name;
  double initial_members = 0.0;
  double cohesion = 1.0;          // h in [0, 1]
  double fentanyl_share = 0.0;    // share of fentanyl production capacity (sums to <= 1)
  double corruption_reach = 0.0;  // in [0, 1]: scales its infiltration of every Mexican body
  std::vector<Presence> presence;
  /// Names for the two factions if it splits (parent keeps the first); may be empty.
  std::vector<std::string> faction_names;

  friend bool operator==(const CartelDefinition&, const CartelDefinition&) = default;
};

struct StateActorDefinition {
  std::string name;
  ActorType type = ActorType::us_agency;
  double capability = 0.0;       // effort units per week (see docs/MODEL.md)
  double collection_rate = 0.0;  // intel gained per week on a fully prioritised target
  double initial_intel = 0.0;    // in [0, 1], on every cartel at the start
  double border_share = 0.0;     // share of capability spent on border interdiction
  // United States agencies
  double unilateral_propensity = 0.0;  // u in [0, 1]
  bool can_strike = false;
  // Mexican bodies
  double integrity = 1.0;  // g in [0, 1]: 1 - infiltration
  double sovereignty_sensitivity = 1.0;

  [[nodiscard]] Country country() const noexcept {
    return type == ActorType::us_agency ? Country::us : Country::mx;
  }
  friend bool operator==(const StateActorDefinition&, const StateActorDefinition&) = default;
};

struct GovernmentState {
  double us_pressure = 0.5;  // P in [0, 1]
  double mx_stance = 0.5;    // S in [0, 1]

  friend bool operator==(const GovernmentState&, const GovernmentState&) = default;
};

struct CartelPair {
  std::uint32_t first = 0;  // first < second
  std::uint32_t second = 0;
  double weight = 0.0;

  friend bool operator==(const CartelPair&, const CartelPair&) = default;
};

/// Directed trust from one state actor to another: a Beta(alpha, beta) belief.
struct TrustEdge {
  std::uint32_t from = 0;  // actor index
  std::uint32_t to = 0;
  double alpha = 1.0;
  double beta = 1.0;

  friend bool operator==(const TrustEdge&, const TrustEdge&) = default;
};

/// Institutional channel between a United States agency and a Mexican body (undirected).
struct CoordinationEdge {
  std::uint32_t us_actor = 0;
  std::uint32_t mx_actor = 0;
  double level = 0.0;  // kappa in [0, 1]

  friend bool operator==(const CoordinationEdge&, const CoordinationEdge&) = default;
};

struct WorldDefinition {
  Regions regions;
  std::vector<CartelDefinition> cartels;
  std::vector<StateActorDefinition> actors;
  GovernmentState governments;
  std::vector<CartelPair> rivalries;
  std::vector<CartelPair> alliances;
  std::vector<TrustEdge> trust;
  std::vector<CoordinationEdge> coordination;

  [[nodiscard]] std::optional<std::uint32_t> cartel_index(const std::string& name) const;
  [[nodiscard]] std::optional<std::uint32_t> actor_index(const std::string& name) const;
  [[nodiscard]] std::vector<std::string> cartel_names() const;
  [[nodiscard]] std::vector<std::string> actor_names() const;

  friend bool operator==(const WorldDefinition&, const WorldDefinition&) = default;
};

/// The YAML name of an actor type (`us_agency`, `mx_body`).
std::string to_string(ActorType type);

}  // namespace seccoop::agents
