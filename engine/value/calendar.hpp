// Calendar arithmetic for date() (shared by the value layer and engine/eval): ISO 8601 week
// dates, ordinal days and quarters on top of ergo::Date, the ISO text forms
// date('...') reads, and today's date.
#pragma once

#include <optional>
#include <string_view>

#include "ergo/value.hpp"

namespace ergo::calendar {

int day_of_week(Date d);      // 1 = Monday ... 7 = Sunday
int iso_week_year(Date d);    // the year its ISO week belongs to
int iso_week(Date d);         // 1..53
int ordinal_day(Date d);      // 1..366
int quarter(Date d);          // 1..4
int day_of_quarter(Date d);   // 1..92

// The day with these parts; nullopt when no such day exists (week 53 of a
// 52-week year, day 0, a year outside Date's range, ...).
std::optional<Date> from_week(int week_year, int week, int day_of_week);
std::optional<Date> from_ordinal(int year, int ordinal_day);
std::optional<Date> from_quarter(int year, int quarter, int day_of_quarter);

// ISO 8601 dates with a four-digit year, extended or basic: 2015-07-21,
// 20150721, 2015-07, 201507, 2015-W30-2, 2015W302, 2015-W30, 2015W30,
// 2015-202, 2015202, 2015; or a signed year of one to nine digits in the
// extended forms: +10000-01-01, -0044-03-15, +123456-W01-1, -44-03-15.
// nullopt when malformed or not a real day.
std::optional<Date> parse(std::string_view text);

// Today in UTC.
Date today();

}  // namespace ergo::calendar
