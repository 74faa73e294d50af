// Phase 8, record: this week's values of every series in the catalog.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>

#include "agents/model/overflow_check.hpp"
#include "agents/model/phases.hpp"

namespace seccoop::agents {

namespace {

/// How many values are at least 1 (cartels with a member), counted as integers in pairs of
/// lanes: comparisons of two doubles give two integers (all ones where true) that a plain loop
/// of bools did not vectorize into (a compiler extension, portable across targets).
std::size_t count_at_least_one(std::span<const double> values) {
  using Pair = double __attribute__((vector_size(16)));
  using PairCount = std::int64_t __attribute__((vector_size(16)));
  constexpr std::size_t kPairs = 4;
  PairCount counts[kPairs] = {};
  const Pair one = {1.0, 1.0};
  std::size_t i = 0;
  for (; i + 2 * kPairs <= values.size(); i += 2 * kPairs) {
    for (std::size_t p = 0; p < kPairs; ++p) {
      Pair pair;
      std::memcpy(&pair, values.data() + i + 2 * p, sizeof pair);
      counts[p] -= pair >= one;  // subtracts -1 where true
    }
  }
  std::int64_t count = 0;
  for (const PairCount& pair : counts) count += pair[0] + pair[1];
  for (; i < values.size(); ++i) count += values[i] >= 1.0 ? 1 : 0;
  return static_cast<std::size_t>(count);
}

void record_cartels(RunState& s, RunRecord& r, std::size_t w) {
  // Checked as they are copied (overflow_check.hpp): the final check skips these rows.
  s.cartel_rows_finite = copy_all_finite(s.cartels.members, r.week_values(Series::members, w)) &&
                         copy_all_finite(s.cartels.cohesion, r.week_values(Series::cohesion, w)) &&
                         s.cartel_rows_finite;
  const std::size_t active =
      count_at_least_one(std::span(s.cartels.members).first(s.cartels.count));
  r.set(Series::active_cartels, w, static_cast<double>(active));
  r.set(Series::deaths, w, s.flow_totals.deaths);
  r.set(Series::recruits, w, s.flow_totals.recruits);
  r.set(Series::incapacitated, w, s.flow_totals.incapacitated);
  r.set(Series::exits, w, s.flow_totals.exits);

  // Conflict deaths are a fixed share of all homicides (the core's calibration); strike
  // deaths are counted as they are.
  auto by_region = r.week_values(Series::homicides_by_region, w);
  double homicides = 0.0;
  for (std::size_t g = 0; g < by_region.size(); ++g) {
    by_region[g] = s.core.homicides_from_deaths(s.deaths_by_region[g]) + s.tally.strike_deaths[g];
    homicides += by_region[g];
  }
  r.set(Series::homicides, w, homicides);
}

void record_security(RunState& s, RunRecord& r, std::size_t w) {
  r.set(Series::fentanyl_production_kg, w, s.tally.production_kg);
  r.set(Series::fentanyl_flow_kg, w, s.tally.flow_to_us_kg);
  r.set(Series::seized_mx_kg, w, s.seized_in_mexico_kg);
  r.set(Series::seized_border_kg, w, s.tally.seized_border_kg);
  std::ranges::copy(s.tally.seized_by_actor_kg,
                    r.week_values(Series::seized_by_actor_kg, w).begin());
  // Every slot: the slots past those in use continue the flows phase's sum.
  r.set(Series::hvt_captures, w,
        ordered_sum(std::span(s.tally.hvt_captures).subspan(s.cartels.count), s.captures_in_use));
  auto operations = r.week_values(Series::operations, w);
  std::copy(std::begin(s.tally.operations), std::end(s.tally.operations), operations.begin());
  r.set(Series::strikes, w, s.tally.strikes);
  r.set(Series::leaks, w, s.tally.leaks);
  r.set(Series::detected_leaks, w, s.tally.detected_leaks);
  r.set(Series::sovereignty_shock, w, s.tally.sovereignty_shock);
  r.set(Series::transfers, w, s.tally.transfers);
  auto trust = r.week_values(Series::trust, w);
  for (std::size_t e = 0; e < s.trust.size(); ++e) trust[e] = RunState::trust_level(s.trust[e]);
  auto coordination = r.week_values(Series::coordination, w);
  for (std::size_t e = 0; e < s.coordination.size(); ++e) coordination[e] = s.coordination[e].level;
  r.set(Series::trust_mx_in_us, w, mean_trust(s, Country::mx));
  r.set(Series::trust_us_in_mx, w, mean_trust(s, Country::us));
  r.set(Series::us_pressure, w, s.policy.us_pressure);
  r.set(Series::tariff_rate, w, s.policy.tariff_rate);
  r.set(Series::exports_exposed_usd, w,
        s.policy.tariff_rate > 0.0 ? s.parameters.policy.exports_to_us_usd_per_year / 52.0 : 0.0);
  r.set(Series::mx_stance, w, s.policy.mx_stance);
  double authorised = 0.0;
  double agencies = 0.0;
  for (std::size_t a = 0; a < s.actor_count(); ++a) {
    if (s.actor(a).type != ActorType::us_agency) continue;
    authorised += s.actors.unilateral_share[a];
    agencies += 1.0;
  }
  r.set(Series::unilateral_authorisation, w, agencies > 0.0 ? authorised / agencies : 0.0);
}

}  // namespace

void run_record_phase(RunState& s) {
  RunRecord& r = *s.record;
  const auto w = static_cast<std::size_t>(s.week);
  record_cartels(s, r, w);
  record_security(s, r, w);
}

}  // namespace seccoop::agents
