#include "app/cluster/mpi_protocol.hpp"

#include <mpi.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace seccoop::app {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(1);

void send_batch(const std::vector<std::uint64_t>& batch, int rank) {
  MPI_Send(batch.data(), static_cast<int>(batch.size()), MPI_UINT64_T, rank, kBatchTag,
           MPI_COMM_WORLD);
}

}  // namespace

std::vector<std::uint64_t> request_batch(std::size_t finished, std::size_t wanted) {
  const std::array<std::uint64_t, 2> request = {finished, wanted};
  MPI_Send(request.data(), 2, MPI_UINT64_T, 0, kRequestTag, MPI_COMM_WORLD);
  MPI_Status status;
  MPI_Probe(0, kBatchTag, MPI_COMM_WORLD, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_UINT64_T, &count);
  std::vector<std::uint64_t> batch(static_cast<std::size_t>(count));
  MPI_Recv(batch.data(), count, MPI_UINT64_T, 0, kBatchTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return batch;
}

std::optional<std::size_t> serve_batches(RunBatches& batches, LocalWorkerChannel& local, int ranks,
                                         const std::function<void(std::size_t)>& progress) {
  int working = ranks;  // the other ranks, and the local worker
  std::size_t finished = 0;
  while (working > 0) {
    if (local.failure()) return std::nullopt;
    bool served = false;
    if (const auto request = local.take_request()) {
      auto batch = batches.take(request->wanted);
      if (batch.empty()) --working;
      finished += request->finished;
      local.answer(std::move(batch));
      served = true;
    }
    int waiting = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, kRequestTag, MPI_COMM_WORLD, &waiting, &status);
    if (waiting != 0) {
      std::array<std::uint64_t, 2> request{};
      MPI_Recv(request.data(), 2, MPI_UINT64_T, status.MPI_SOURCE, kRequestTag, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      const auto batch = batches.take(static_cast<std::size_t>(request[1]));
      if (batch.empty()) --working;
      finished += static_cast<std::size_t>(request[0]);
      send_batch(batch, status.MPI_SOURCE);
      served = true;
    }
    if (served) {
      if (progress) progress(finished);
    } else {
      std::this_thread::sleep_for(kPollInterval);
    }
  }
  return finished;
}

void abort_job(int code) {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);  // MPI_Abort does not return; if it did, end anyway
}

}  // namespace seccoop::app
