#pragma once
// Rank 0 of an MPI job serves batches on its main thread (the only thread that calls MPI:
// MPI_THREAD_FUNNELED) and computes batches on a second thread. That thread asks the main
// thread for work through this channel instead of through MPI.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <vector>

namespace seccoop::app {

class LocalWorkerChannel {
 public:
  struct Request {
    std::size_t finished = 0;  // runs finished since the last request
    std::size_t wanted = 0;
  };

  /// Worker thread: asks for the next batch and waits for it (empty: stop).
  std::vector<std::uint64_t> request(std::size_t finished, std::size_t wanted) {
    std::unique_lock lock(mutex_);
    request_ = Request{finished, wanted};
    answered_.wait(lock, [this] { return answer_.has_value(); });
    auto batch = std::move(*answer_);
    answer_.reset();
    return batch;
  }

  /// Worker thread: the worker stopped on an exception; the main thread ends the job.
  void fail(std::exception_ptr error) {
    const std::lock_guard lock(mutex_);
    failure_ = std::move(error);
  }

  /// Main thread: the worker's pending request, if any (taken: answer it).
  std::optional<Request> take_request() {
    const std::lock_guard lock(mutex_);
    auto request = request_;
    request_.reset();
    return request;
  }

  /// Main thread: answers the request taken last.
  void answer(std::vector<std::uint64_t> batch) {
    {
      const std::lock_guard lock(mutex_);
      answer_ = std::move(batch);
    }
    answered_.notify_one();
  }

  [[nodiscard]] std::exception_ptr failure() {
    const std::lock_guard lock(mutex_);
    return failure_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable answered_;
  std::optional<Request> request_;
  std::optional<std::vector<std::uint64_t>> answer_;
  std::exception_ptr failure_;
};

}  // namespace seccoop::app
