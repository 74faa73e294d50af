#pragma once
// Runs flow through a oneTBB pipeline: hand out run indices in order -> simulate in parallel ->
// write in run order on one writer thread. Results are therefore written in the same order,
// with the same content, for any thread count; at most `2 * threads` results are in memory.
//
// Errors: no exception crosses a filter. oneTBB cancels a pipeline whose filter throws without
// destroying the results in flight (LeakSanitizer showed the RunRecords of a job stopped by a
// full disk leaking), so each failure is carried to the writer, which keeps the first in run
// order, stops handing out runs and drops what is still in flight; the error is rethrown once
// the pipeline has drained. Which error is reported therefore does not depend on the threads.
//
// Results travel between filters as plain pointers, each owned by exactly one filter at a
// time, so that the only memory TBB itself touches is a pointer (see tsan_annotations.hpp).
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "sim/parallel/tsan_annotations.hpp"

namespace seccoop::sim {

/// simulate(run_index) -> Result runs concurrently; write(run_index, Result&&) runs serially
/// in increasing run order. `runs` lists the run indices to do, in order. The first exception
/// (in run order) of either is rethrown after the runs in flight are dropped. Once
/// `stop_requested` (if given) returns true, no further run is handed out; the runs in flight
/// are still simulated and written, so the runs written are always a prefix of `runs`.
template <class RunList, class Simulate, class Write>
void run_pipeline(const RunList& runs, std::size_t threads, Simulate&& simulate, Write&& write,
                  const std::function<bool()>& stop_requested = nullptr) {
  using Result = decltype(simulate(std::uint64_t{}));
  struct Outcome {
    std::uint64_t run = 0;
    std::optional<Result> result;  // none: skipped after a failure, or failed
    std::exception_ptr error;
  };
  if (threads == 0) threads = 1;
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
  std::size_t next = 0;
  std::atomic<bool> stopping{false};
  std::exception_ptr failure;
  // Hand-overs for ThreadSanitizer: the chain is built (TBB copies the lambdas) before the
  // caller hands over, and each lambda takes over before it reads what it captured.
  const auto hand_out = [&](oneapi::tbb::flow_control& control) -> std::uint64_t {
    detail::take_over(&detail::kPipelineChannels.start);
    detail::take_over(&detail::kPipelineChannels.input);
    std::uint64_t run = 0;
    if (next == runs.size() || stopping.load(std::memory_order_relaxed) ||
        (stop_requested && stop_requested())) {
      control.stop();
    } else {
      run = static_cast<std::uint64_t>(runs[next++]);
    }
    detail::hand_over(&detail::kPipelineChannels.input);
    detail::hand_over(&detail::kPipelineChannels.done);
    return run;
  };
  const auto compute = [&](std::uint64_t run) {
    detail::take_over(&detail::kPipelineChannels.start);
    auto outcome = std::make_unique<Outcome>(Outcome{.run = run});
    if (!stopping.load(std::memory_order_relaxed)) {
      try {
        outcome->result.emplace(simulate(run));
      } catch (...) {
        outcome->error = std::current_exception();
      }
    }
    detail::hand_over(&detail::kPipelineChannels.to_writer);
    detail::hand_over(&detail::kPipelineChannels.done);
    return outcome.release();
  };
  const auto write_in_order = [&](Outcome* handed) {
    detail::take_over(&detail::kPipelineChannels.start);
    detail::take_over(&detail::kPipelineChannels.to_writer);
    detail::take_over(&detail::kPipelineChannels.writer);
    const std::unique_ptr<Outcome> outcome(handed);
    if (!failure) {  // after a failure, what is in flight is dropped
      if (outcome->error) {
        failure = outcome->error;
      } else {
        try {
          write(outcome->run, std::move(*outcome->result));
        } catch (...) {
          failure = std::current_exception();
        }
      }
      if (failure) stopping.store(true, std::memory_order_relaxed);
    }
    detail::hand_over(&detail::kPipelineChannels.writer);
    detail::hand_over(&detail::kPipelineChannels.done);
  };
  using oneapi::tbb::filter_mode;
  using oneapi::tbb::make_filter;
  const auto chain = make_filter<void, std::uint64_t>(filter_mode::serial_in_order, hand_out) &
                     make_filter<std::uint64_t, Outcome*>(filter_mode::parallel, compute) &
                     make_filter<Outcome*, void>(filter_mode::serial_in_order, write_in_order);
  detail::hand_over(&detail::kPipelineChannels.start);
  oneapi::tbb::parallel_pipeline(2 * threads, chain);
  detail::take_over(&detail::kPipelineChannels.done);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace seccoop::sim
