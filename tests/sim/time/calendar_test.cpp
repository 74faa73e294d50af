#include "sim/time/calendar.hpp"

#include <gtest/gtest.h>

namespace seccoop::sim {
namespace {

TEST(Calendar, ParsesStrictIsoDatesOnly) {
  EXPECT_EQ(Date::parse_iso("2024-07-25")->iso(), "2024-07-25");
  EXPECT_FALSE(Date::parse_iso("2024-02-30").has_value());
  EXPECT_FALSE(Date::parse_iso("2024-7-25").has_value());
  EXPECT_FALSE(Date::parse_iso("25/07/2024").has_value());
}

TEST(Calendar, WeeksEndSevenDaysApartAcrossLeapYears) {
  const Date start = *Date::parse_iso("2012-01-02");
  EXPECT_EQ(start.end_of_week(1).iso(), "2012-01-09");
  EXPECT_EQ(start.end_of_week(9).iso(), "2012-03-05");  // 2012 is a leap year
  EXPECT_EQ(start.end_of_week(520).iso(), "2021-12-20");
  EXPECT_EQ(start.days_until(start.end_of_week(520)), 3640);
}

}  // namespace
}  // namespace seccoop::sim
