// Any bytes as an experiment or scenario file. The text stands for a file in configs/experiments,
// so that the paths in the seeds (../scenarios/baseline.yaml, ../world/mexico-2025.yaml) lead
// to the shipped files and the fuzzer also reaches the scenario and world readers.
//
// Properties: loading gives an Experiment or a sim::UserError, nothing else (an exception
// escaping here, a crash, a leak or a sanitizer report is a finding); and an experiment that
// loads resolves to YAML that loads again (what a results file stores must run again).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "agents/scenario/experiment.hpp"
#include "sim/config/diagnostics.hpp"

namespace {

const std::filesystem::path stands_for =
    std::filesystem::path(SECCOOP_SOURCE_DIR) / "configs" / "experiments" / "fuzz-input.yaml";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Generated worlds accept up to a million cartels by design (docs/configuration.md): a few
  // seconds each, which would turn the fuzzer's time into timeouts. Their readers have their
  // own tests.
  if (text.find("generator") != std::string::npos) return 0;
  seccoop::agents::Experiment experiment;
  try {
    experiment = seccoop::agents::load_experiment_text(text, stands_for, {});
  } catch (const seccoop::sim::UserError&) {
    return 0;  // the clear error bad input must give
  }
  const std::string resolved = seccoop::agents::resolved_yaml(experiment);
  try {
    static_cast<void>(seccoop::agents::load_experiment_text(resolved, stands_for, {}));
  } catch (const seccoop::sim::UserError& error) {
    std::fprintf(stderr, "the resolved YAML of an accepted experiment is refused:\n%s\n---\n%s\n",
                 error.what(), resolved.c_str());
    std::abort();
  }
  return 0;
}
