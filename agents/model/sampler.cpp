#include "agents/model/sampler.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sim/config/diagnostics.hpp"

namespace seccoop::agents {

void Sampler::note_stream(std::uint64_t week, std::uint64_t entity, DrawPurpose purpose) const {
  if (week != streams_week_) {
    streams_week_ = week;
    streams_of_week_.clear();
  }
  // A few hundred streams a week at most (operations, leaks, authorisations): a linear search.
  const std::pair stream{entity, purpose};
  if (std::ranges::find(streams_of_week_, stream) != streams_of_week_.end()) {
    throw sim::InternalError(fmt::format(
        "two draws of week {} of run {} read the stream of entity {} and purpose {}: they would "
        "be perfectly correlated; give one of them a purpose or entity of its own "
        "(agents/model/sampler.hpp)",
        week, key_.run_index, entity, static_cast<std::uint64_t>(purpose)));
  }
  streams_of_week_.push_back(stream);
}

}  // namespace seccoop::agents
