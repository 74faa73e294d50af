#include "agents/cartel/membership_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/random/distributions.hpp"

namespace seccoop::agents {

namespace {
// Distinct stream purposes, so that draws for one cartel in one week never overlap.
constexpr std::uint64_t kRecruitStream = 1;
constexpr std::uint64_t kDepartureStream = 2;
}  // namespace

MembershipDrivers MembershipDrivers::uniform(std::size_t cartels,
                                             const CoreParameters& parameters,
                                             const ConflictNetwork& network) {
  return MembershipDrivers{
      .recruitment_rate = std::vector<double>(cartels, parameters.recruitment_rate_per_week),
      .incapacitation_pressure = std::vector<double>(cartels, parameters.incapacitation_per_week),
      .contest_multiplier = std::vector<double>(cartels, 1.0),
      .rivalry_weight = network.initial_weights()};
}

void MembershipFlows::assign_zero(std::size_t cartels) {
  for (auto* flow : {&recruits, &incapacitated, &deaths, &exits}) flow->assign(cartels, 0.0);
}

MembershipDynamics::MembershipDynamics(ConflictNetwork network, CoreParameters parameters)
    : network_(std::move(network)), parameters_(parameters), exposure_(network_.size()) {}

void MembershipDynamics::evaluate(std::span<const double> members,
                                  const MembershipDrivers& drivers, MembershipFlows& rates) {
  const std::size_t n = members.size();
  network_.conflict_exposure(members, drivers.contest_multiplier, drivers.rivalry_weight, exposure_);
  const double total = std::accumulate(members.begin(), members.end(), 0.0);
  const double inverse_total = total > 0.0 ? 1.0 / total : 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double y = members[i];
    rates.recruits[i] = drivers.recruitment_rate[i] * y;
    rates.incapacitated[i] = drivers.incapacitation_pressure[i] * y * inverse_total;
    rates.deaths[i] = parameters_.conflict_lethality * exposure_[i] * y;
    rates.exits[i] = parameters_.saturation_per_member_week * y * y;
  }
}

void MembershipDynamics::step_expected(std::span<double> members,
                                       const MembershipDrivers& drivers, int substeps,
                                       MembershipFlows& flows) {
  const std::size_t n = members.size();
  flows.assign_zero(n);
  for (auto& stage : stage_) stage.assign_zero(n);
  probe_.resize(n);
  const double h = 1.0 / substeps;
  static constexpr double kStageOffset[4] = {0.0, 0.5, 0.5, 1.0};
  static constexpr double kStageWeight[4] = {1.0 / 6, 2.0 / 6, 2.0 / 6, 1.0 / 6};
  for (int sub = 0; sub < substeps; ++sub) {
    for (int s = 0; s < 4; ++s) {
      if (s == 0) {
        std::copy(members.begin(), members.end(), probe_.begin());
      } else {
        const MembershipFlows& previous = stage_[s - 1];
        const double offset = kStageOffset[s] * h;
        for (std::size_t i = 0; i < n; ++i) {
          const double net = previous.recruits[i] - previous.incapacitated[i] -
                             previous.deaths[i] - previous.exits[i];
          probe_[i] = std::max(0.0, members[i] + offset * net);
        }
      }
      evaluate(probe_, drivers, stage_[s]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      double flow[4] = {0.0, 0.0, 0.0, 0.0};
      for (int s = 0; s < 4; ++s) {
        const double w = kStageWeight[s] * h;
        flow[0] += w * stage_[s].recruits[i];
        flow[1] += w * stage_[s].incapacitated[i];
        flow[2] += w * stage_[s].deaths[i];
        flow[3] += w * stage_[s].exits[i];
      }
      flows.recruits[i] += flow[0];
      flows.incapacitated[i] += flow[1];
      flows.deaths[i] += flow[2];
      flows.exits[i] += flow[3];
      members[i] = std::max(0.0, members[i] + flow[0] - flow[1] - flow[2] - flow[3]);
    }
  }
}

void MembershipDynamics::step_stochastic(std::span<double> members,
                                         const MembershipDrivers& drivers, sim::StreamKey key,
                                         std::uint64_t week, MembershipFlows& flows) {
  const std::size_t n = members.size();
  flows.assign_zero(n);
  // Rates per member, held fixed over the week.
  evaluate(members, drivers, flows);
  for (std::size_t i = 0; i < n; ++i) {
    const double y = members[i];
    if (y <= 0.0) {
      flows.recruits[i] = flows.incapacitated[i] = flows.deaths[i] = flows.exits[i] = 0.0;
      continue;
    }
    const double arrest_hazard = flows.incapacitated[i] / y;
    const double death_hazard = flows.deaths[i] / y;
    const double exit_hazard = flows.exits[i] / y;
    const double hazard = arrest_hazard + death_hazard + exit_hazard;
    const auto count = static_cast<std::uint64_t>(y);

    sim::RandomStream recruit_stream(key, {.week = week, .entity = i, .purpose = kRecruitStream});
    const auto recruits = sim::poisson(recruit_stream, flows.recruits[i]);

    sim::RandomStream departure_stream(key, {.week = week, .entity = i, .purpose = kDepartureStream});
    const auto leaving = sim::binomial(departure_stream, count, -std::expm1(-hazard));
    const auto arrested =
        hazard > 0.0 ? sim::binomial(departure_stream, leaving, arrest_hazard / hazard) : 0;
    const double other = death_hazard + exit_hazard;
    const auto killed =
        other > 0.0 ? sim::binomial(departure_stream, leaving - arrested, death_hazard / other) : 0;

    flows.recruits[i] = static_cast<double>(recruits);
    flows.incapacitated[i] = static_cast<double>(arrested);
    flows.deaths[i] = static_cast<double>(killed);
    flows.exits[i] = static_cast<double>(leaving - arrested - killed);
    members[i] = y + static_cast<double>(recruits) - static_cast<double>(leaving);
  }
}

}  // namespace seccoop::agents
