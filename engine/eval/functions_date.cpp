// date(): today, an ISO text, a map of parts ({year, month, day}, {year,
// week, dayOfWeek}, {year, ordinalDay}, {year, quarter, dayOfQuarter}, each
// optionally starting from {date: d}), or a date itself.
#include <algorithm>
#include <optional>

#include "engine/value/calendar.hpp"
#include "engine/eval/function_support.hpp"

namespace ergo::eval::fn {
namespace {

// The parts a map may name; each is absent or an INTEGER.
struct Parts {
  std::optional<Date> base;
  std::optional<int> year, month, day, week, day_of_week, ordinal_day, quarter, day_of_quarter;
};

std::optional<int> part(const Map& m, std::string_view key) {
  for (const auto& [k, v] : m) {
    if (k != key) continue;
    std::int64_t i = integer_arg("date", v, "an INTEGER " + std::string(key));
    if (i < -999999999 || i > 999999999) out_of_domain("date", std::string(key) + " is out of range");
    return static_cast<int>(i);
  }
  return std::nullopt;
}

Parts read_parts(const Map& m) {
  static constexpr std::string_view known[] = {"date", "year", "month", "day", "week", "dayOfWeek",
                                               "ordinalDay", "quarter", "dayOfQuarter"};
  for (const auto& [k, v] : m) {
    if (std::find(std::begin(known), std::end(known), k) == std::end(known)) {
      out_of_domain("date", "unknown field '" + k + "'", "InvalidArgumentValue");
    }
  }
  Parts p;
  for (const auto& [k, v] : m) {
    if (k == "date") {
      if (!v.get_if<Date>()) wrong_type("date", "a DATE for 'date'", v);
      p.base = v.as_date();
    }
  }
  p.year = part(m, "year");
  p.month = part(m, "month");
  p.day = part(m, "day");
  p.week = part(m, "week");
  p.day_of_week = part(m, "dayOfWeek");
  p.ordinal_day = part(m, "ordinalDay");
  p.quarter = part(m, "quarter");
  p.day_of_quarter = part(m, "dayOfQuarter");
  return p;
}

// Builds the date a map describes; the fields a map leaves out come from
// `date` when given, else default to the first (month 1, day 1, ...).
Date from_map(const Map& m) {
  Parts p = read_parts(m);
  bool calendar = p.month || p.day;
  bool week = p.week || p.day_of_week;
  bool ordinal = p.ordinal_day.has_value();
  bool quarter = p.quarter || p.day_of_quarter;
  if (calendar + week + ordinal + quarter > 1) {
    out_of_domain("date", "cannot mix fields of calendar, week, ordinal and quarter dates", "InvalidArgumentValue");
  }
  if (!p.base && !p.year) out_of_domain("date", "needs a year", "InvalidArgumentValue");
  const std::optional<Date>& b = p.base;
  std::optional<Date> d;
  if (week) {
    if (!p.base && !p.week) out_of_domain("date", "dayOfWeek needs a week", "InvalidArgumentValue");
    int wy = p.year.value_or(b ? calendar::iso_week_year(*b) : 0);
    d = calendar::from_week(wy, p.week.value_or(b ? calendar::iso_week(*b) : 1),
                            p.day_of_week.value_or(b ? calendar::day_of_week(*b) : 1));
  } else if (ordinal) {
    d = calendar::from_ordinal(p.year.value_or(b ? b->year() : 0), *p.ordinal_day);
  } else if (quarter) {
    if (!p.base && !p.quarter) out_of_domain("date", "dayOfQuarter needs a quarter", "InvalidArgumentValue");
    d = calendar::from_quarter(p.year.value_or(b ? b->year() : 0),
                               p.quarter.value_or(b ? calendar::quarter(*b) : 1),
                               p.day_of_quarter.value_or(b ? calendar::day_of_quarter(*b) : 1));
  } else {
    if (!p.base && p.day && !p.month) out_of_domain("date", "day needs a month", "InvalidArgumentValue");
    d = Date::from_ymd(p.year.value_or(b ? b->year() : 0), p.month.value_or(b ? b->month() : 1),
                       p.day.value_or(b ? b->day() : 1));
  }
  if (!d) out_of_domain("date", "no such day: " + Value(m).to_cypher());
  return *d;
}

Value date(Args a) {
  if (a.empty()) return calendar::today();
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::date: return v;
    case Value::Type::map: return from_map(v.as_map());
    case Value::Type::string:
      if (auto d = calendar::parse(v.as_string())) return *d;
      out_of_domain("date", "cannot read '" + v.as_string() + "' as a date", "InvalidArgumentValue");
    default: wrong_type("date", "a STRING or MAP", v);
  }
}

constexpr FunctionInfo table[] = {
    {"date", 0, 1, date, false},
};

}  // namespace

std::span<const FunctionInfo> date_functions() { return table; }

}  // namespace ergo::eval::fn
