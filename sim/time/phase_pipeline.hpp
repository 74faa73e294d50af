#pragma once
// One simulated week is a named pipeline of phases run in a fixed order. Each phase reads the
// state left by the previous ones and writes only its own outputs, so no phase ever sees a
// half-updated agent. Per-phase wall time is accumulated for profiling (`--profile`).
#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace seccoop::sim {

template <class Context>
class PhasePipeline {
 public:
  using PhaseFunction = std::function<void(Context&)>;

  void add(std::string name, PhaseFunction run) {
    phases_.push_back(Phase{std::move(name), std::move(run), 0.0});
  }

  void run_week(Context& context) {
    if (!timed_) {
      for (auto& phase : phases_) phase.run(context);
      return;
    }
    for (auto& phase : phases_) {
      const auto started = std::chrono::steady_clock::now();
      phase.run(context);
      phase.seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
  }

  /// Turns per-phase timing on (off by default: it costs two clock reads per phase).
  void set_timed(bool timed) noexcept { timed_ = timed; }

  [[nodiscard]] std::vector<std::pair<std::string, double>> seconds_by_phase() const {
    std::vector<std::pair<std::string, double>> result;
    for (const auto& phase : phases_) result.emplace_back(phase.name, phase.seconds);
    return result;
  }

  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> result;
    for (const auto& phase : phases_) result.push_back(phase.name);
    return result;
  }

 private:
  struct Phase {
    std::string name;
    PhaseFunction run;
    double seconds;
  };
  std::vector<Phase> phases_;
  bool timed_ = false;
};

}  // namespace seccoop::sim
