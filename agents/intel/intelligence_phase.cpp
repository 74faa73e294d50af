// Phase 3, intelligence (MODEL.md section 5.3): each actor collects on its priority targets;
// intelligence flows along trust and coordination edges; what flows into an infiltrated
// Mexican body may leak to the cartel it is about, and a detected leak is evidence against
// the receiver in the sharer's eyes.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

/// Each cartel's share of the fentanyl trade and of the violence (last week's conflict
/// deaths; members before any death is recorded): what both countries' priorities weigh,
/// worked out once a week for the two.
void threat_shares(const RunState& s, IntelScratch& scratch) {
  const std::size_t n = s.cartels.count;
  const double fentanyl_total =
      std::accumulate(s.cartels.fentanyl_share.begin(),
                      s.cartels.fentanyl_share.begin() + static_cast<std::ptrdiff_t>(n), 0.0);
  double deaths_total = 0.0;
  for (std::size_t c = 0; c < n; ++c)
    deaths_total += s.flows.deaths.empty() ? 0.0 : s.flows.deaths[c];
  const std::vector<double>& violence = deaths_total > 0.0 ? s.flows.deaths : s.cartels.members;
  double violence_total = 0.0;
  for (std::size_t c = 0; c < n; ++c) violence_total += violence[c];
  scratch.fentanyl_share.assign(n, 0.0);
  scratch.violence_share.assign(n, 0.0);
  for (std::size_t c = 0; c < n; ++c) {
    if (fentanyl_total > 0.0) {
      scratch.fentanyl_share[c] = s.cartels.fentanyl_share[c] / fentanyl_total;
    }
    if (violence_total > 0.0) scratch.violence_share[c] = violence[c] / violence_total;
  }
}

/// Priority of each cartel for one country's agencies: US agencies weigh fentanyl, Mexican
/// bodies violence; 0 for a cartel without members.
void threat(const RunState& s, Country country, std::vector<double>& result) {
  const IntelScratch& scratch = s.intel_scratch;
  const std::size_t n = s.cartels.count;
  const double fentanyl_weight = country == Country::us ? 0.75 : 0.25;
  result.assign(n, 0.0);
  for (std::size_t c = 0; c < n; ++c) {
    if (s.cartels.members[c] <= 0.0) continue;
    result[c] = fentanyl_weight * scratch.fentanyl_share[c] +
                (1.0 - fentanyl_weight) * scratch.violence_share[c];
  }
}

/// The k cartels of highest threat (ties: lower slot first), without those of no threat.
/// Insertion into a sorted list of at most k: most cartels are rejected by one comparison
/// with the k-th, where a partial sort would sift every one through a heap.
void top_targets(const std::vector<double>& threat_by_cartel, std::size_t k,
                 std::vector<std::uint32_t>& targets) {
  targets.clear();
  if (k == 0) return;
  // Cartels are visited in slot order, so among equal threats the earlier one stays ahead.
  for (std::uint32_t c = 0; c < threat_by_cartel.size(); ++c) {
    const double threat = threat_by_cartel[c];
    if (!(threat > 0.0)) continue;
    if (targets.size() == k && !(threat > threat_by_cartel[targets.back()])) continue;
    if (targets.size() == k) targets.pop_back();
    auto position = targets.end();
    while (position != targets.begin() && threat > threat_by_cartel[*(position - 1)]) --position;
    targets.insert(position, c);
  }
}

void choose_targets(RunState& s) {
  IntelScratch& scratch = s.intel_scratch;
  const auto k = static_cast<std::size_t>(s.parameters.intel.targets_per_actor);
  threat_shares(s, scratch);
  threat(s, Country::us, scratch.threat);
  top_targets(scratch.threat, k, scratch.us_targets);
  threat(s, Country::mx, scratch.threat);
  top_targets(scratch.threat, k, scratch.mx_targets);
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    s.actors.targets[a] =
        s.actor(a).country() == Country::us ? scratch.us_targets : scratch.mx_targets;
  }
}

void collect(RunState& s) {
  const double decay = s.parameters.intel.decay_per_week;
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    for (std::size_t c = 0; c < s.cartels.count; ++c) s.intel(a, c) *= 1.0 - decay;
    for (const std::uint32_t c : s.actors.targets[a]) {
      double& intel = s.intel(a, c);
      intel += s.actor(a).collection_rate * (1.0 - intel);
    }
  }
}

/// Volume of intelligence that actor `from` can send along trust edge `edge` this week.
double sharing_rate(const RunState& s, const TrustEdge& edge) {
  const std::int64_t channel = s.coordination_between(edge.from, edge.to);
  if (channel < 0) return 0.0;
  double rate =
      RunState::trust_level(edge) * s.coordination[static_cast<std::size_t>(channel)].level;
  if (s.actor(edge.to).country() == Country::mx) rate *= s.policy.mx_stance;
  return rate;
}

}  // namespace

void run_intelligence_phase(RunState& s) {
  if (s.actor_count() == 0) return;
  choose_targets(s);
  collect(s);

  // Sharing reads the intelligence collected this week: what every edge sends is worked out
  // first, then added edge by edge, so the order of edges cannot matter. What each edge sent
  // is kept per target (few per edge), edge e's at sent[sent_begin[e], sent_begin[e + 1]).
  IntelScratch& scratch = s.intel_scratch;
  auto& sent = scratch.sent;
  auto& sent_begin = scratch.sent_begin;
  sent.clear();
  sent_begin.resize(s.trust.size() + 1);
  for (std::size_t e = 0; e < s.trust.size(); ++e) {
    const TrustEdge& edge = s.trust[e];
    sent_begin[e] = sent.size();
    const double rate = sharing_rate(s, edge);
    if (rate <= 0.0) continue;
    for (const std::uint32_t c : s.actors.targets[edge.from]) {
      const double gap = s.intel(edge.from, c) - s.intel(edge.to, c);
      if (gap <= 0.0) continue;
      sent.emplace_back(c, rate * gap);
    }
  }
  sent_begin.back() = sent.size();
  const auto sent_along = [&](std::size_t e) {
    return std::span(sent).subspan(sent_begin[e], sent_begin[e + 1] - sent_begin[e]);
  };
  for (std::size_t e = 0; e < s.trust.size(); ++e) {
    double volume = 0.0;  // shared_volume[e] is 0 until here: the same sum, in a register
    for (const auto& [c, amount] : sent_along(e)) {
      s.intel(s.trust[e].to, c) += amount;
      volume += amount;
    }
    s.tally.shared_volume[e] += volume;
  }
  // Collection keeps intelligence in [0, 1] (rates and decay are in [0, 1]): only what
  // received a share can exceed 1.
  for (std::size_t e = 0; e < s.trust.size(); ++e) {
    for (const auto& [c, amount] : sent_along(e)) {
      double& intel = s.intel(s.trust[e].to, c);
      intel = std::min(intel, 1.0);
    }
  }

  // Leaks: intelligence received by an infiltrated Mexican body reaches the cartel.
  const IntelParameters& p = s.parameters.intel;
  std::vector<double>& received = scratch.received;
  if (received.size() != s.world->cartel_capacity) received.assign(s.world->cartel_capacity, 0.0);
  std::vector<std::uint32_t>& touched = scratch.touched;
  for (std::size_t b = 0; b < s.actor_count(); ++b) {
    if (s.actor(b).type != ActorType::mx_body) continue;
    touched.clear();
    for (const std::uint32_t e : s.trust_edges_into[b]) {
      for (const auto& [c, amount] : sent_along(e)) {
        if (received[c] == 0.0) touched.push_back(c);
        received[c] += amount;
      }
    }
    std::sort(touched.begin(), touched.end());  // cartel order, whatever the edge order
    for (const std::uint32_t c : touched) {
      const double total = received[c];
      received[c] = 0.0;
      const double probability = s.infiltration(c, b) * -std::expm1(-total / p.leak_volume_scale);
      const double leak =
          s.sampler.occurs(probability, s.week, Sampler::pair(b, c), DrawPurpose::leak);
      if (leak <= 0.0) continue;
      s.tally.leaks += leak;
      s.cartels.alertness[c] += leak * p.leak_alertness_gain * (1.0 - s.cartels.alertness[c]);
      const double detected =
          leak * s.sampler.occurs(p.leak_detection_probability, s.week, Sampler::pair(b, c),
                                  DrawPurpose::leak_detection);
      s.tally.detected_leaks += detected;
      for (const std::uint32_t e : s.trust_edges_into[b]) {  // blame each sharer by its share
        for (const auto& [target, amount] : sent_along(e)) {
          if (target == c)
            s.tally.trust_betrayal[e] += s.parameters.trust.leak_weight * detected * amount / total;
        }
      }
    }
  }
  for (std::size_t c = 0; c < s.cartels.count; ++c) {
    s.cartels.alertness[c] *= 1.0 - p.alertness_decay_per_week;
  }
}

}  // namespace seccoop::agents
