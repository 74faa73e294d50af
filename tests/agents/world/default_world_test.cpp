// The shipped default world (configs/world/mexico-2025.yaml) holds the published facts it cites.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "agents/scenario/scenario.hpp"
#include "agents/world/world_reader.hpp"
#include "tests/support/paths.hpp"

namespace seccoop::testing {
namespace {

using agents::WorldDefinition;

class DefaultWorld : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim::Diagnostics diagnostics;
    auto world = agents::read_world_file(config_dir() / "world" / "mexico-2025.yaml", diagnostics);
    for (const auto& d : diagnostics.items()) ADD_FAILURE() << d.to_string();
    ASSERT_TRUE(world.has_value());
    world_ = std::make_unique<WorldDefinition>(std::move(*world));
  }
  static void TearDownTestSuite() { world_.reset(); }
  static double total_members() {
    return std::accumulate(world_->cartels.begin(), world_->cartels.end(), 0.0,
                           [](double sum, const auto& c) { return sum + c.initial_members; });
  }
  static const agents::CartelDefinition& cartel(const std::string& name) {
    const auto index = world_->cartel_index(name);
    EXPECT_TRUE(index.has_value()) << name;
    return world_->cartels.at(index.value_or(0));
  }
  static inline std::unique_ptr<WorldDefinition> world_;
};

TEST_F(DefaultWorld, HasTheStatesActorsAndGroupsOfTheBrief) {
  EXPECT_EQ(world_->regions.size(), 32U);
  EXPECT_EQ(world_->actors.size(), 12U);
  EXPECT_GE(world_->cartels.size(), 150U);
  for (const char* name : {"DEA", "FBI", "CBP-HSI", "DoD", "State-INL", "Treasury", "SSPC",
                           "Guardia Nacional", "SEDENA", "SEMAR", "FGR", "State police"}) {
    EXPECT_TRUE(world_->actor_index(name).has_value()) << name;
  }
  const auto& dod = world_->actors[*world_->actor_index("DoD")];
  EXPECT_TRUE(dod.can_strike);
  const auto strikers = std::count_if(world_->actors.begin(), world_->actors.end(),
                                      [](const auto& a) { return a.can_strike; });
  EXPECT_EQ(strikers, 1);
  EXPECT_NEAR(world_->actors[*world_->actor_index("CBP-HSI")].border_share, 0.7, 1e-12);
}

TEST_F(DefaultWorld, MemberSharesAreThePublishedOnes) {
  const double total = total_members();
  EXPECT_NEAR(total, 197800.0, 1e-6);
  EXPECT_NEAR(cartel("CJNG").initial_members / total, 0.18, 0.001);
  EXPECT_NEAR(cartel("Sinaloa").initial_members / total, 0.09, 0.001);
  EXPECT_NEAR(cartel("La Nueva Familia Michoacana").initial_members / total, 0.06, 0.001);
  EXPECT_NEAR(cartel("Cártel del Noreste").initial_members / total, 0.045, 0.001);
  EXPECT_NEAR(cartel("Unión Tepito").initial_members / total, 0.035, 0.001);
}

TEST_F(DefaultWorld, PresenceSumsToOneAndSinaloaIsLargestInSinaloa) {
  for (const auto& c : world_->cartels) {
    double sum = 0.0;
    for (const auto& p : c.presence) sum += p.share;
    EXPECT_NEAR(sum, 1.0, 1e-12) << c.name;
  }
  const auto& sinaloa = cartel("Sinaloa");
  const auto largest =
      std::max_element(sinaloa.presence.begin(), sinaloa.presence.end(),
                       [](const auto& a, const auto& b) { return a.share < b.share; });
  EXPECT_EQ(world_->regions.codes[largest->region], "SIN");
  EXPECT_EQ(sinaloa.faction_names, (std::vector<std::string>{"Los Chapitos", "La Mayiza"}));
}

TEST_F(DefaultWorld, FentanylIsConcentratedOnSinaloaAndCjng) {
  double total = 0.0;
  for (const auto& c : world_->cartels) total += c.fentanyl_share;
  EXPECT_LE(total, 1.0 + 1e-9);
  EXPECT_NEAR(cartel("Sinaloa").fentanyl_share, 0.5, 1e-12);
  EXPECT_NEAR(cartel("CJNG").fentanyl_share, 0.4, 1e-12);
}

TEST_F(DefaultWorld, EveryCrossBorderPairHasTrustBothWaysAndACoordinationChannel) {
  std::size_t us = 0;
  std::size_t mx = 0;
  for (const auto& a : world_->actors) (a.type == agents::ActorType::us_agency ? us : mx)++;
  EXPECT_EQ(us, 6U);
  EXPECT_EQ(mx, 6U);
  EXPECT_EQ(world_->trust.size(), 2 * us * mx);
  EXPECT_EQ(world_->coordination.size(), us * mx);
  const auto sinaloa = *world_->cartel_index("Sinaloa");
  const auto cjng = *world_->cartel_index("CJNG");
  const auto rivalry =
      std::find_if(world_->rivalries.begin(), world_->rivalries.end(), [&](const auto& p) {
        return p.first == std::min(sinaloa, cjng) && p.second == std::max(sinaloa, cjng);
      });
  ASSERT_NE(rivalry, world_->rivalries.end());
  EXPECT_DOUBLE_EQ(rivalry->weight, 7.0);
}

/// Conflict deaths per week at the start, by the core model's formula (MODEL.md section 6):
/// theta sum_i y_i (sum_j rival_ij y_j + TC - y_i) / (allies_i + 1).
double initial_conflict_deaths(const WorldDefinition& world, double lethality) {
  const std::size_t n = world.cartels.size();
  std::vector<double> members(n);
  std::vector<double> allies(n, 0.0);
  std::vector<double> rivals(n, 0.0);
  double total = 0.0;
  for (std::size_t c = 0; c < n; ++c) total += members[c] = world.cartels[c].initial_members;
  for (const auto& pair : world.alliances) {
    allies[pair.first] += pair.weight;
    allies[pair.second] += pair.weight;
  }
  for (const auto& pair : world.rivalries) {
    rivals[pair.first] += pair.weight * members[pair.second];
    rivals[pair.second] += pair.weight * members[pair.first];
  }
  double deaths = 0.0;
  for (std::size_t c = 0; c < n; ++c) {
    deaths += members[c] * (rivals[c] + total - members[c]) / (allies[c] + 1.0);
  }
  return lethality * deaths;
}

TEST_F(DefaultWorld, StartsAtTheCalibratedCoresConflictLevel) {
  // The published network run to 2025-01-20 gives about 151 deaths per week.
  const double lethality =
      agents::model_parameter_table()
          ->spec(*agents::model_parameter_table()->index_of("core.conflict_lethality"))
          .default_value;
  EXPECT_NEAR(initial_conflict_deaths(*world_, lethality), 151.0, 10.0);
}

}  // namespace
}  // namespace seccoop::testing
