// Field text → values, and the type of an untyped column (see
// csv_columns.hpp).
#include <algorithm>
#include <charconv>
#include <system_error>
#include <vector>

#include "engine/load/csv_columns.hpp"
#include "grammar/text/parallel.hpp"
#include "grammar/text/unicode.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::load::csv_columns {
namespace {

// std::errc() when `s` is exactly an integer; result_out_of_range when it
// is one but does not fit 64 bits; invalid_argument otherwise.
std::errc parse_int(std::string_view s, std::int64_t& out) {
  if (s.size() <= 18) return is_int(s, out) ? std::errc() : std::errc::invalid_argument;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (end != s.data() + s.size()) return std::errc::invalid_argument;
  return ec;
}

// As parse_int, for a decimal floating-point number: digits, an optional
// '-', '.', exponent. No "nan", "inf", hex or leading '+'.
std::errc parse_float(std::string_view s, double& out) {
  if (s.empty()) return std::errc::invalid_argument;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
      return std::errc::invalid_argument;
    }
  }
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (end != s.data() + s.size()) return std::errc::invalid_argument;
  return ec;
}

bool is_float(std::string_view s, double& out) { return parse_float(s, out) == std::errc(); }

// true or false, in any letter case.
bool parse_bool(std::string_view s, bool& out) {
  if ((s.size() != 4 && s.size() != 5) || (s[0] != 't' && s[0] != 'T' && s[0] != 'f' && s[0] != 'F')) return false;
  std::string l = text::utf8::ascii_lower(s);
  if (l == "true") return out = true, true;
  if (l == "false") return out = false, true;
  return false;
}

// What a column of kind `k` holds, for "column 'x:int' expects ...".
const char* expectation(Kind k) {
  switch (k) {
    case Kind::integer: return "whole numbers such as 42 or -7";
    case Kind::floating: return "numbers such as 3.5, -2 or 1e9";
    case Kind::boolean: return "true or false";
    case Kind::date: return "dates written YYYY-MM-DD, such as 2024-02-29";
    case Kind::local_time: return "times such as 09:30 or 09:30:00.5";
    case Kind::time: return "times with an offset such as 09:30:00+09:00 or 09:30Z";
    case Kind::local_datetime: return "date-times such as 2019-07-22T09:30:00";
    case Kind::datetime: return "date-times such as 2019-07-22T09:30:00+09:00 or 2019-07-22T09:30[Asia/Seoul]";
    case Kind::duration: return "durations such as P1Y2M3DT4H or PT90M";
    default: return "UTF-8 text";
  }
}

// The value of one scalar field of a column of kind `k`, or nullopt with
// `why` saying what is wrong with it.
std::optional<Value> convert_scalar(std::string_view s, Kind k, std::string& why) {
  switch (k) {
    case Kind::integer: {
      std::int64_t i;
      std::errc ec = parse_int(s, i);
      if (ec == std::errc()) return Value(i);
      why = ec == std::errc::result_out_of_range ? quote(s) + " does not fit a 64-bit integer"
                                                  : quote(s) + " is not an integer";
      return std::nullopt;
    }
    case Kind::floating: {
      double d;
      std::errc ec = parse_float(s, d);
      if (ec == std::errc()) return Value(d);
      why = ec == std::errc::result_out_of_range ? quote(s) + " does not fit a 64-bit float"
                                                  : quote(s) + " is not a number";
      return std::nullopt;
    }
    case Kind::boolean: {
      bool b;
      if (parse_bool(s, b)) return Value(b);
      why = quote(s) + " is not a boolean";
      return std::nullopt;
    }
    case Kind::date: {
      if (auto d = Date::parse(s)) return Value(*d);
      bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                    std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
      why = quote(s) + (shaped ? " is not a day of the calendar" : " is not a date");
      return std::nullopt;
    }
    case Kind::local_time:
      if (auto t = LocalTime::parse(s)) return Value(*t);
      why = quote(s) + " is not a local time";
      return std::nullopt;
    case Kind::time:
      if (auto t = Time::parse(s)) return Value(*t);
      why = quote(s) + " is not a time";
      return std::nullopt;
    case Kind::local_datetime:
      if (auto t = LocalDateTime::parse(s)) return Value(*t);
      why = quote(s) + " is not a local date-time";
      return std::nullopt;
    case Kind::datetime:
      if (auto t = DateTime::parse(s)) return Value(*t);
      why = quote(s) + " is not a date-time (or names a time zone the tz database lacks)";
      return std::nullopt;
    case Kind::duration:
      if (auto d = Duration::parse(s)) return Value(*d);
      why = quote(s) + " is not a duration";
      return std::nullopt;
    default: {
      if (valid_utf8(s)) return Value(s);
      why = "the text is not valid UTF-8";
      return std::nullopt;
    }
  }
}

// Whether a number is written with a leading zero ("007", "-01.5"): a code
// (postal, phone, part number) whose zeros a number would lose.
bool zero_padded(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  return s.size() > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9';
}

}  // namespace

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

bool is_long_int(std::string_view s, std::int64_t& out) { return parse_int(s, out) == std::errc(); }

bool valid_utf8(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return !text::find_invalid_utf8(s).has_value();
  }
  return true;
}

// The property value of a field: null when empty, a list for list columns
// (empty items are dropped).
std::optional<Value> convert(std::string_view s, const Column& c, bool quoted_empty, std::string& why) {
  if (s.empty() && quoted_empty && c.typed && c.list) return Value(List{});
  if (s.empty() && quoted_empty && c.typed && c.kind == Kind::string) return Value(std::string());
  if (s.empty()) return Value();
  if (!c.list) return convert_scalar(s, c.kind, why);
  List items;
  for (std::size_t begin = 0; begin <= s.size();) {
    std::size_t end = std::min(s.find(';', begin), s.size());
    std::string_view item = s.substr(begin, end - begin);
    if (!item.empty()) {
      auto v = convert_scalar(item, c.kind, why);
      if (!v) return std::nullopt;
      items.push_back(std::move(*v));
    }
    begin = end + 1;
  }
  return Value(std::move(items));
}

std::string conversion_problem(const std::string& why, std::string_view header, const Column& c) {
  return why + "; column " + quote(header) + " expects " + (c.list ? "a list of " : "") + expectation(c.kind) +
         (c.list ? ", separated by ';'" : "");
}

namespace {

// What the values of some rows of a column fit; the rows' verdicts combine
// by "and" (every value fits), so rows may be looked at in parts.
struct Fits {
  bool all_int = true, all_float = true, all_bool = true, all_date = true, any = false;

  bool open() const { return all_int || all_float || all_bool || all_date; }
  void look(std::string_view s) {
    if (s.empty()) return;
    any = true;
    std::int64_t i;
    double d;
    bool b;
    const bool padded = (all_int || all_float) && zero_padded(s);
    if (all_int && (padded || !is_int(s, i))) all_int = false;
    // An integer is a float too: tested only once the integers fail.
    if (all_float && !all_int && (padded || !is_float(s, d))) all_float = false;
    if (all_bool && !parse_bool(s, b)) all_bool = false;
    if (all_date && (s.size() != 10 || !Date::parse(s))) all_date = false;
  }
  void add(const Fits& o) {
    all_int &= o.all_int;
    all_float &= o.all_float;
    all_bool &= o.all_bool;
    all_date &= o.all_date;
    any |= o.any;
  }
};

Fits fits(const csv::Table& t, std::size_t column, bool list, std::size_t first, std::size_t last) {
  Fits f;
  for (std::size_t r = first; r < last && f.open(); ++r) {
    std::string_view s = t.field(r, column);
    if (!list) {
      f.look(s);
      continue;
    }
    for (std::size_t begin = 0; begin <= s.size();) {
      std::size_t end = std::min(s.find(';', begin), s.size());
      f.look(s.substr(begin, end - begin));
      begin = end + 1;
    }
  }
  return f;
}

}  // namespace

// The narrowest kind every non-empty value (list item) of the column fits:
// integer, float, boolean, date, else string. Zero-padded numbers are text.
Kind infer(const csv::Table& t, std::size_t column, bool list, std::size_t threads) {
  constexpr std::size_t kRowsPerThread = 1 << 16;
  const std::size_t parts = std::clamp<std::size_t>(t.rows() / kRowsPerThread, 1, std::max<std::size_t>(threads, 1));
  std::vector<Fits> found(parts);
  auto part = [&](std::size_t p) {
    found[p] = fits(t, column, list, t.rows() * p / parts, t.rows() * (p + 1) / parts);
  };
  text::run_parts(parts, part);
  Fits all;
  for (const Fits& f : found) all.add(f);
  if (!all.any) return Kind::string;
  if (all.all_int) return Kind::integer;
  if (all.all_float) return Kind::floating;
  if (all.all_bool) return Kind::boolean;
  if (all.all_date) return Kind::date;
  return Kind::string;
}

}  // namespace ergo::load::csv_columns
