#pragma once
// The messages of an MPI job, and the two ends that exchange them. Only the main thread of a
// process calls these (MPI_THREAD_FUNNELED); the TBB pipeline that computes a batch never
// does, so a batch is received, computed, then the next one asked for.
//
//   worker -> rank 0, tag kRequestTag: two uint64 {runs finished since the last request,
//                                                  runs wanted}
//   rank 0 -> worker, tag kBatchTag:   the batch's global run indices (none: no work left)
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "app/cluster/local_worker_channel.hpp"
#include "app/cluster/run_batches.hpp"

namespace seccoop::app {

inline constexpr int kRequestTag = 1;
inline constexpr int kBatchTag = 2;

/// Worker ranks: reports `finished` runs, asks rank 0 for up to `wanted` more and waits.
std::vector<std::uint64_t> request_batch(std::size_t finished, std::size_t wanted);

/// Rank 0's main thread: answers every request (of the `ranks - 1` other ranks and of the
/// local worker) until each was told to stop, reporting progress as runs finish. Polls rather
/// than blocks in MPI, so that it does not keep a core spinning that rank 0's worker thread
/// computes on. Returns the runs finished, or std::nullopt as soon as the local worker fails.
std::optional<std::size_t> serve_batches(RunBatches& batches, LocalWorkerChannel& local, int ranks,
                                         const std::function<void(std::size_t)>& progress);

/// Ends every rank of the job with `code` (after a failure no rank can recover from).
[[noreturn]] void abort_job(int code);

}  // namespace seccoop::app
