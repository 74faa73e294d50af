// The RK4 stage kernel is compiled for more than one instruction set; results must not depend
// on which one runs (no FMA, no reassociation), and the lane sums (of the probe it writes and,
// in the last stage, of the four flows) must not depend on it either.
#include "agents/cartel/rk4_stage.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace seccoop::agents::rk4 {
namespace {

constexpr std::size_t kCartels = 37;  // not a multiple of any vector width: tails run too

/// Arrays of one stage, filled with irregular values so that every rounding shows.
struct StageData {
  std::vector<double> rho, eta, multiplier, inverse_allies, start, probe, rivals, next, recruits,
      incapacitated, deaths, exits, net;

  StageData() {
    for (auto* v : {&rho, &eta, &multiplier, &inverse_allies, &start, &probe, &rivals, &next,
                    &recruits, &incapacitated, &deaths, &exits, &net}) {
      v->resize(kCartels);
    }
    for (std::size_t i = 0; i < kCartels; ++i) {
      const auto x = static_cast<double>(i);
      rho[i] = 2.5e-3 * (1.0 + 0.01 * x);
      eta[i] = 110.0 / (1.0 + x);
      multiplier[i] = 1.0 + 0.1 * static_cast<double>(i % 3);
      inverse_allies[i] = 1.0 / (1.0 + static_cast<double>(i % 5));
      start[i] = 1000.0 * x + 0.3;
      probe[i] = start[i] * 1.01;
      rivals[i] = 7.0 * x * x;
      recruits[i] = incapacitated[i] = deaths[i] = exits[i] = net[i] = 0.1 * x;
    }
    probe[3] = 0.0;  // an extinct cartel
  }

  StageArrays arrays() {
    return {.recruitment = rho.data(),
            .incapacitation = eta.data(),
            .multiplier = multiplier.data(),
            .inverse_allies = inverse_allies.data(),
            .start = start.data(),
            .probe = probe.data(),
            .rivals = rivals.data(),
            .next = next.data(),
            .recruits = recruits.data(),
            .incapacitated = incapacitated.data(),
            .deaths = deaths.data(),
            .exits = exits.data(),
            .net = net.data()};
  }
};

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST(Rk4Stage, EveryInstructionSetGivesTheSameBits) {
  if (!supported(InstructionSet::avx2)) GTEST_SKIP() << "no AVX2 on this processor";
  const StageScalars scalars{.total = 6.6e5,
                             .lethality = 1.549231e-8,
                             .saturation = 4e-8,
                             .weight = 2.0 / 6,
                             .next_offset = 0.5};
  for (const InstructionSet set : {InstructionSet::avx2, InstructionSet::avx512}) {
    if (!supported(set)) continue;  // AVX-512 is checked where the processor has it
    for (const StageKind kind :
         {StageKind::first_of_week, StageKind::first, StageKind::middle, StageKind::last}) {
      StageData baseline;
      StageData wide;
      const double total_baseline =
          stage_using(InstructionSet::baseline, kind, kCartels, baseline.arrays(), scalars);
      const double total_wide = stage_using(set, kind, kCartels, wide.arrays(), scalars);
      EXPECT_EQ(std::bit_cast<std::uint64_t>(total_baseline),
                std::bit_cast<std::uint64_t>(total_wide));
      EXPECT_TRUE(same_bits(baseline.next, wide.next));
      EXPECT_TRUE(same_bits(baseline.recruits, wide.recruits));
      EXPECT_TRUE(same_bits(baseline.incapacitated, wide.incapacitated));
      EXPECT_TRUE(same_bits(baseline.deaths, wide.deaths));
      EXPECT_TRUE(same_bits(baseline.exits, wide.exits));
      EXPECT_TRUE(same_bits(baseline.net, wide.net));
      EXPECT_EQ(baseline.rivals, StageData().rivals);  // only read
      EXPECT_EQ(wide.rivals, StageData().rivals);
    }
  }
}

TEST(Rk4Stage, LastStageSumsTheFlowsItWritesAndMayWriteOverTheStart) {
  const StageScalars scalars{.total = 6.6e5,
                             .lethality = 1.549231e-8,
                             .saturation = 4e-8,
                             .weight = 1.0 / 6,
                             .next_offset = 0.0};
  for (const InstructionSet set :
       {InstructionSet::baseline, InstructionSet::avx2, InstructionSet::avx512}) {
    if (!supported(set)) continue;
    StageData apart;
    double totals[4] = {};
    StageArrays arrays = apart.arrays();
    arrays.flow_totals = totals;
    const double total = stage_using(set, StageKind::last, kCartels, arrays, scalars);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(total),
              std::bit_cast<std::uint64_t>(lane_total(apart.next.data(), kCartels)));
    const std::vector<double>* flows[4] = {&apart.recruits, &apart.incapacitated, &apart.deaths,
                                           &apart.exits};
    for (std::size_t f = 0; f < 4; ++f) {
      EXPECT_EQ(std::bit_cast<std::uint64_t>(totals[f]),
                std::bit_cast<std::uint64_t>(lane_total(flows[f]->data(), kCartels)))
          << "flow " << f;
    }

    // The state after the step written over the start: the same bits as into an array apart.
    StageData in_place;
    StageArrays over_start = in_place.arrays();
    over_start.next = in_place.start.data();
    stage_using(set, StageKind::last, kCartels, over_start, scalars);
    EXPECT_TRUE(same_bits(in_place.start, apart.next));
    EXPECT_TRUE(same_bits(in_place.deaths, apart.deaths));
  }
}

TEST(Rk4Stage, TheWidestSupportedSetRuns) {
  const InstructionSet widest = widest_supported();
  EXPECT_TRUE(supported(widest));
  if (supported(InstructionSet::avx512)) {
    EXPECT_EQ(widest, InstructionSet::avx512);
  }
}

TEST(Rk4Stage, LaneTotalIsTheSum) {
  std::vector<double> values(kCartels);
  for (std::size_t i = 0; i < kCartels; ++i) values[i] = static_cast<double>(i);  // exact sums
  EXPECT_EQ(lane_total(values.data(), kCartels), 666.0);
  EXPECT_EQ(lane_total(values.data(), 5), 10.0);
  EXPECT_EQ(lane_total(values.data(), 0), 0.0);
}

}  // namespace
}  // namespace seccoop::agents::rk4
