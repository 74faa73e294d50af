#pragma once
// Runs flow through a oneTBB pipeline: hand out run indices in order -> simulate in parallel ->
// write in run order on one writer thread. Results are therefore written in the same order,
// with the same content, for any thread count; at most `2 * threads` results are in memory.
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <cstdint>
#include <utility>

namespace seccoop::sim {

/// simulate(run_index) -> Result runs concurrently; write(run_index, Result&&) runs serially
/// in increasing run order. `runs` lists the run indices to do, in order.
template <class RunList, class Simulate, class Write>
void run_pipeline(const RunList& runs, std::size_t threads, Simulate&& simulate, Write&& write) {
  using Result = decltype(simulate(std::uint64_t{}));
  if (threads == 0) threads = 1;
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
  std::size_t next = 0;
  oneapi::tbb::parallel_pipeline(
      2 * threads, oneapi::tbb::make_filter<void, std::uint64_t>(
                       oneapi::tbb::filter_mode::serial_in_order,
                       [&](oneapi::tbb::flow_control& control) -> std::uint64_t {
                         if (next == runs.size()) {
                           control.stop();
                           return 0;
                         }
                         return static_cast<std::uint64_t>(runs[next++]);
                       }) &
                       oneapi::tbb::make_filter<std::uint64_t, std::pair<std::uint64_t, Result>>(
                           oneapi::tbb::filter_mode::parallel,
                           [&](std::uint64_t run) {
                             return std::pair<std::uint64_t, Result>(run, simulate(run));
                           }) &
                       oneapi::tbb::make_filter<std::pair<std::uint64_t, Result>, void>(
                           oneapi::tbb::filter_mode::serial_in_order,
                           [&](std::pair<std::uint64_t, Result> done) {
                             write(done.first, std::move(done.second));
                           }));
}

}  // namespace seccoop::sim
