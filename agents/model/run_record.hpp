#pragma once
// Everything one run records. Weekly series are listed once in the series catalog
// (agents/output/series_catalog.hpp) with their axes, units and long names; a RunRecord holds
// their values, [week][axes...] row-major, week w = 1..weeks at row w-1.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "agents/output/series_catalog.hpp"
#include "agents/world/scheduled_event.hpp"

namespace seccoop::agents {

/// std::allocator, except that a vector's new elements are left uninitialised (default-, not
/// value-initialised) where no value is given: see RunRecord::to_be_filled.
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  void construct(U* where) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(where)) U;
  }
  template <class U, class... Args>
  void construct(U* where, Args&&... args) {
    ::new (static_cast<void*>(where)) U(std::forward<Args>(args)...);
  }
};

class RunRecord {
 public:
  using Values = std::vector<double, UninitialisedAllocator<double>>;

  /// A record whose values all start at zero.
  RunRecord(std::uint64_t run_index, std::size_t weeks, const AxisSizes& sizes);
  /// A record whose every value the caller writes before reading any: simulate_run, whose
  /// record phase writes every entry of every series every week. Nothing is zeroed first (the
  /// published network's record is 1.4 MB). Checked builds (invariants.hpp) fill it with NaN
  /// instead, so that an entry a run leaves unwritten fails the run's finite check in tests.
  static RunRecord to_be_filled(std::uint64_t run_index, std::size_t weeks, const AxisSizes& sizes);

  [[nodiscard]] std::uint64_t run_index() const noexcept { return run_index_; }
  [[nodiscard]] std::size_t weeks() const noexcept { return weeks_; }
  /// Values per week of a series (1 for a national total, cartels for a per-cartel series).
  [[nodiscard]] std::size_t width(Series series) const { return width_[index(series)]; }

  /// The values of `series` in week `week` (1-based), to fill. Inline: the record phase asks
  /// for about thirty a week.
  std::span<double> week_values(Series series, std::size_t week) {
    const std::size_t w = width(series);
    return {data_[index(series)].data() + (week - 1) * w, w};
  }
  [[nodiscard]] std::span<const double> week_values(Series series, std::size_t week) const {
    const std::size_t w = width(series);
    return {data_[index(series)].data() + (week - 1) * w, w};
  }
  /// Sets a one-value-per-week series.
  void set(Series series, std::size_t week, double value) { week_values(series, week)[0] = value; }
  [[nodiscard]] double get(Series series, std::size_t week) const {
    return week_values(series, week)[0];
  }
  /// All weeks of a series, [week][...].
  [[nodiscard]] const Values& values(Series series) const { return data_[index(series)]; }

  double wall_seconds = 0.0;

  /// Discrete events of the run: scheduled ones as they fired, and splits.
  struct Event {
    std::uint32_t week = 0;
    EventType type = EventType::set;
    std::int32_t actor = -1;   // actor index (for a split: the parent cartel slot)
    std::int32_t target = -1;  // cartel slot (for a split: the new faction's slot)
    double value = 0.0;
  };
  std::vector<Event> events;

 private:
  enum class Start { zeros, unwritten };
  RunRecord(std::uint64_t run_index, std::size_t weeks, const AxisSizes& sizes, Start start);

  static std::size_t index(Series series) { return static_cast<std::size_t>(series); }

  std::uint64_t run_index_;
  std::size_t weeks_;
  std::vector<std::size_t> width_;
  std::vector<Values> data_;
};

}  // namespace seccoop::agents
