#pragma once
// One interface for chance in both integration modes: in `expected` mode every draw returns
// its expectation (a probability, a mean), so the model is deterministic and smooth; in
// `stochastic` mode it draws from the run's counter-based streams. Model code is written once.
#include <cstdint>
#include <utility>
#include <vector>

#include "agents/model/checked_build.hpp"
#include "sim/random/distributions.hpp"
#include "sim/random/random_stream.hpp"

namespace seccoop::agents {

/// Distinct purposes of draws, so that streams for one entity in one week never overlap: two
/// draws with the same (week, entity, purpose) read the same uniform and are perfectly
/// correlated (tests/agents/mechanisms/draw_independence_test.cpp). Value 1 is the cartel
/// core's (membership_dynamics.cpp).
enum class DrawPurpose : std::uint64_t {
  unilateral_authorisation = 10,
  leak = 11,
  leak_detection = 12,
  hvt = 13,
  strike = 14,
  transfer = 15,
  seizure = 16,
  hvt_unilateral = 17,    // an agency's unilateral operation; hvt is its joint one's
  scheduled_strike = 18,  // a strike the scenario schedules; strike is an agency's
};

class Sampler {
 public:
  Sampler(bool stochastic, sim::StreamKey key) : stochastic_(stochastic), key_(key) {}

  [[nodiscard]] bool stochastic() const noexcept { return stochastic_; }
  [[nodiscard]] sim::StreamKey key() const noexcept { return key_; }

  /// 1 with probability p, else 0 (expected mode: p).
  [[nodiscard]] double occurs(double p, std::uint64_t week, std::uint64_t entity,
                              DrawPurpose purpose) const {
    if (!stochastic_) return p;
    // The stream serves this one draw, and u in (0, 1) decides nothing when p is outside it:
    // skipping the draw there (no Philox block) gives the same outcome.
    if (!(p > 0.0)) return 0.0;
    if (p >= 1.0) return 1.0;
    auto stream = make_stream(week, entity, purpose);
    return sim::bernoulli(stream, p) ? 1.0 : 0.0;
  }

  /// A count with mean `mean` (Poisson; expected mode: the mean).
  [[nodiscard]] double count(double mean, std::uint64_t week, std::uint64_t entity,
                             DrawPurpose purpose) const {
    if (!stochastic_) return mean;
    auto stream = make_stream(week, entity, purpose);
    return static_cast<double>(sim::poisson(stream, mean));
  }

  /// How many of n trials succeed with probability p (expected mode: n p).
  [[nodiscard]] double successes(double n, double p, std::uint64_t week, std::uint64_t entity,
                                 DrawPurpose purpose) const {
    if (!stochastic_) return n * p;
    auto stream = make_stream(week, entity, purpose);
    return static_cast<double>(sim::binomial(stream, static_cast<std::uint64_t>(n), p));
  }

  /// Entity number for a pair (e.g. actor and cartel), unique while both are below 2^32.
  static std::uint64_t pair(std::uint64_t first, std::uint64_t second) {
    return (first << 32U) | second;
  }

 private:
  [[nodiscard]] sim::RandomStream make_stream(std::uint64_t week, std::uint64_t entity,
                                              DrawPurpose purpose) const {
    if constexpr (kInvariantsChecked) note_stream(week, entity, purpose);
    return sim::RandomStream(
        key_, {.week = week, .entity = entity, .purpose = static_cast<std::uint64_t>(purpose)});
  }

  /// Checked builds: throws sim::InternalError when a stream of this week is drawn from a
  /// second time, which would make two chance events one (sampler.cpp).
  void note_stream(std::uint64_t week, std::uint64_t entity, DrawPurpose purpose) const;

  bool stochastic_;
  sim::StreamKey key_;
  // Checked builds: the week of the last draw and every (entity, purpose) drawn in it. A run's
  // phases draw serially (only the cartel core, which has streams of its own, runs in blocks).
  mutable std::uint64_t streams_week_ = 0;
  mutable std::vector<std::pair<std::uint64_t, DrawPurpose>> streams_of_week_;
};

}  // namespace seccoop::agents
