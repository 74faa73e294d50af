#pragma once
// Calendar dates for weekly steps. Week w (1-based) covers the days [start + 7(w-1), start + 7w);
// states are recorded at its end, the instant start + 7w days, which is what the results file's
// `week` coordinate (units "weeks since <start>") denotes.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace seccoop::sim {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::sys_days day) : day_(day) {}

  /// Parses a strict ISO date "YYYY-MM-DD"; nullopt for anything else or an impossible date.
  static std::optional<Date> parse_iso(std::string_view text);

  [[nodiscard]] std::string iso() const;
  [[nodiscard]] Date plus_days(long days) const { return Date(day_ + std::chrono::days(days)); }
  /// The date at which week `week` ends (week 0 is the start itself).
  [[nodiscard]] Date end_of_week(long week) const { return plus_days(7 * week); }
  /// Whole days from this date to `other` (negative when other is earlier).
  [[nodiscard]] long days_until(Date other) const { return (other.day_ - day_).count(); }
  [[nodiscard]] int year() const;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days day_{};
};

}  // namespace seccoop::sim
