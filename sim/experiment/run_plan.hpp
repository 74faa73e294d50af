#pragma once
// The runs of an experiment, in a fixed global order: scenario, then sweep point, then
// replicate. A run's index keys its random streams, so a run gives the same numbers whichever
// thread, shard or rank computes it.
#include <cstdint>

namespace seccoop::sim {

struct RunSpec {
  std::uint64_t run_index = 0;
  std::uint32_t scenario = 0;
  std::uint32_t point = 0;
  std::uint32_t replicate = 0;
};

class RunPlan {
 public:
  RunPlan(std::uint32_t scenarios, std::uint32_t points, std::uint32_t replications)
      : scenarios_(scenarios), points_(points), replications_(replications) {}

  [[nodiscard]] std::uint64_t size() const noexcept {
    return std::uint64_t{scenarios_} * points_ * replications_;
  }

  [[nodiscard]] RunSpec at(std::uint64_t run_index) const noexcept {
    const std::uint64_t replicate = run_index % replications_;
    const std::uint64_t point = (run_index / replications_) % points_;
    const std::uint64_t scenario = run_index / (std::uint64_t{replications_} * points_);
    return RunSpec{.run_index = run_index,
                   .scenario = static_cast<std::uint32_t>(scenario),
                   .point = static_cast<std::uint32_t>(point),
                   .replicate = static_cast<std::uint32_t>(replicate)};
  }

  [[nodiscard]] std::uint32_t scenarios() const noexcept { return scenarios_; }
  [[nodiscard]] std::uint32_t points() const noexcept { return points_; }
  [[nodiscard]] std::uint32_t replications() const noexcept { return replications_; }

 private:
  std::uint32_t scenarios_;
  std::uint32_t points_;
  std::uint32_t replications_;
};

}  // namespace seccoop::sim
