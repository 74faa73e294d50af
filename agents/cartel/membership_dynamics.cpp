#include "agents/cartel/membership_dynamics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "agents/cartel/rk4_stage.hpp"
#include "sim/parallel/parallel_blocks.hpp"
#include "sim/random/distributions.hpp"

namespace seccoop::agents {

namespace {
// Stream purpose of the core's draws (other purposes: agents/model/sampler.hpp).
constexpr std::uint64_t kMembershipStream = 1;
}  // namespace

MembershipDrivers MembershipDrivers::uniform(std::size_t cartels,
                                             const CoreParameters& parameters) {
  return MembershipDrivers{
      .recruitment_rate = std::vector<double>(cartels, parameters.recruitment_rate_per_week),
      .incapacitation_pressure = std::vector<double>(cartels, parameters.incapacitation_per_week),
      .contest_multiplier = std::vector<double>(cartels, 1.0)};
}

void MembershipFlows::assign_zero(std::size_t cartels) {
  for (auto* flow : {&recruits, &incapacitated, &deaths, &exits}) flow->assign(cartels, 0.0);
}

MembershipDynamics::MembershipDynamics(ConflictNetwork network, CoreParameters parameters)
    : network_(std::move(network)), parameters_(parameters), exposure_(network_.size()) {}

void MembershipDynamics::evaluate(std::span<const double> members, const MembershipDrivers& drivers,
                                  MembershipFlows& rates) {
  const std::size_t n = members.size();
  network_.conflict_exposure(members, drivers.contest_multiplier, exposure_);
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

FlowTotals MembershipDynamics::step_expected(std::span<double> members,
                                             const MembershipDrivers& drivers, int substeps,
                                             MembershipFlows& flows) {
  const std::size_t n = members.size();
  for (auto* flow : {&flows.recruits, &flows.incapacitated, &flows.deaths, &flows.exits})
    flow->resize(n);  // the first stage of the week writes them
  probe_.resize(n);
  probe_other_.resize(n);
  net_.resize(n);
  // Rivalry sums; a cartel without rivals keeps its zero.
  exposure_.assign(n, 0.0);
  network_.set_multipliers(drivers.contest_multiplier);
  const double h = 1.0 / substeps;
  // Classical RK4: stage s evaluates the rates at start + offset[s] * h * (previous rates) and
  // adds weight[s] * h of each rate to the week's flows; the state after the step is the start
  // plus the net of those flows, so flows and members balance. Stages alternate between two
  // probe arrays, starting from `members`, which is the start of the step until the last
  // stage writes the state after the step over it, cartel by cartel (rk4_stage.hpp).
  static constexpr double kNextOffset[4] = {0.5, 0.5, 1.0, 0.0};
  static constexpr double kWeight[4] = {1.0 / 6, 2.0 / 6, 2.0 / 6, 1.0 / 6};
  const double* probe[4] = {members.data(), probe_.data(), probe_other_.data(), probe_.data()};
  double* next[4] = {probe_.data(), probe_other_.data(), probe_.data(), members.data()};
  double totals[4] = {};  // the last stage of the last step writes them
  // The total of the probe; after a step, the last stage returns the total of the new state.
  double total = rk4::lane_total(members.data(), n);
  for (int sub = 0; sub < substeps; ++sub) {
    for (int s = 0; s < 4; ++s) {
      network_.add_rivalry_sums(probe[s], exposure_.data());
      const rk4::StageKind kind = s == 3     ? rk4::StageKind::last
                                  : s != 0   ? rk4::StageKind::middle
                                  : sub == 0 ? rk4::StageKind::first_of_week
                                             : rk4::StageKind::first;
      total = rk4::stage(kind, n,
                         {.recruitment = drivers.recruitment_rate.data(),
                          .incapacitation = drivers.incapacitation_pressure.data(),
                          .multiplier = drivers.contest_multiplier.data(),
                          .inverse_allies = network_.inverse_allies_plus_one().data(),
                          .start = members.data(),
                          .probe = probe[s],
                          .rivals = exposure_.data(),
                          .next = next[s],
                          .recruits = flows.recruits.data(),
                          .incapacitated = flows.incapacitated.data(),
                          .deaths = flows.deaths.data(),
                          .exits = flows.exits.data(),
                          .net = net_.data(),
                          .flow_totals = sub + 1 == substeps ? totals : nullptr},
                         {.total = total,
                          .lethality = parameters_.conflict_lethality,
                          .saturation = parameters_.saturation_per_member_week,
                          .weight = kWeight[s] * h,
                          .next_offset = kNextOffset[s] * h});
    }
  }
  return {
      .recruits = totals[0], .incapacitated = totals[1], .deaths = totals[2], .exits = totals[3]};
}

void MembershipDynamics::step_stochastic(std::span<double> members,
                                         const MembershipDrivers& drivers, sim::StreamKey key,
                                         std::uint64_t week, MembershipFlows& flows) {
  const std::size_t n = members.size();
  for (auto* flow : {&flows.recruits, &flows.incapacitated, &flows.deaths, &flows.exits})
    flow->resize(n);  // evaluate() writes every slot
  // Rates per member, held fixed over the week.
  evaluate(members, drivers, flows);
  // Each cartel draws from its own stream: blocks of cartels may run on any thread.
  sim::for_each_block(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
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

      // One stream per cartel and week; its draws come in a fixed order.
      sim::RandomStream stream(key, {.week = week, .entity = i, .purpose = kMembershipStream});
      const auto recruits = sim::poisson(stream, flows.recruits[i]);
      const auto leaving = sim::binomial_at_hazard(stream, count, hazard);
      const auto arrested =
          hazard > 0.0 ? sim::binomial(stream, leaving, arrest_hazard / hazard) : 0;
      const double other = death_hazard + exit_hazard;
      const auto killed =
          other > 0.0 ? sim::binomial(stream, leaving - arrested, death_hazard / other) : 0;

      flows.recruits[i] = static_cast<double>(recruits);
      flows.incapacitated[i] = static_cast<double>(arrested);
      flows.deaths[i] = static_cast<double>(killed);
      flows.exits[i] = static_cast<double>(leaving - arrested - killed);
      members[i] = y + static_cast<double>(recruits) - static_cast<double>(leaving);
    }
  });
}

}  // namespace seccoop::agents
