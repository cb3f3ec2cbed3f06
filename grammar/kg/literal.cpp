// Token contents (see literal.hpp). The shapes of numbers and dates are tiny
// X3 parsers run over the token alone, so that a bad one gets a message about
// that token rather than a syntax error somewhere after it.
#include "grammar/kg/literal.hpp"
#include "grammar/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <boost/fusion/include/at_c.hpp>
#include <boost/fusion/include/vector.hpp>
#include <boost/spirit/home/x3.hpp>
#include <charconv>

namespace ergo::kg::detail {
namespace {

namespace x3 = boost::spirit::x3;

namespace shape {
auto const digit = x3::ascii::digit;
// Digits, optionally grouped by single underscores between two digits.
auto const digits = digit >> *(-x3::lit('_') >> digit);
auto const exponent = x3::lit('e') | 'E';
auto const exponent_part = exponent >> -(x3::lit('+') | '-') >> digits;
auto const integer = -x3::lit('-') >> digits;
auto const real = -x3::lit('-') >> digits >> (('.' >> digits >> -exponent_part) | exponent_part);
// Anything made of digit runs joined by '-': a date, well formed or not.
auto const date_like = +digit >> '-' >> +digit >> -('-' >> +digit);
auto const date = x3::uint_parser<unsigned, 10, 4, 4>() >> '-' >>
                  x3::uint_parser<unsigned, 10, 2, 2>() >>
                  -('-' >> x3::uint_parser<unsigned, 10, 2, 2>());
}  // namespace shape

template <typename Parser>
bool matches(std::string_view s, Parser const& p) {
  const char* first = s.data();
  const char* last = s.data() + s.size();
  return x3::parse(first, last, p) && first == last;
}

[[noreturn]] void fail(Span where, std::string message) {
  throw LineError{where.begin, where.end - where.begin, std::move(message)};
}

[[noreturn]] void fail_at(std::uint32_t offset, std::uint32_t length, std::string message) {
  throw LineError{offset, length, std::move(message)};
}

std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

std::string without_underscores(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') out += c;
  }
  return out;
}

// Byte length of the UTF-8 sequence whose first byte is c (input is valid).
std::size_t utf8_length(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u < 0x80) return 1;
  if (u >= 0xF0) return 4;
  if (u >= 0xE0) return 3;
  return 2;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

Date date(std::string_view token, Span span) {
  std::string shown(token);
  boost::fusion::vector<unsigned, unsigned, boost::optional<unsigned>> parts;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  if (!x3::parse(first, last, shape::date, parts) || first != last) {
    fail(span, "invalid date " + shown + ": write dates as YYYY-MM-DD, or YYYY-MM for a month");
  }
  Date d;
  d.year = static_cast<int>(boost::fusion::at_c<0>(parts));
  d.month = static_cast<int>(boost::fusion::at_c<1>(parts));
  if (d.month < 1 || d.month > 12) {
    fail(span, "invalid date " + shown + ": there is no month " + std::to_string(d.month) +
                   " (months are 01 to 12)");
  }
  if (auto day = boost::fusion::at_c<2>(parts)) {
    d.day = static_cast<int>(*day);
    int days = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > days) {
      fail(span, "invalid date " + shown + ": " + month_names[static_cast<std::size_t>(d.month - 1)] +
                     " " + std::to_string(d.year) + " has " + std::to_string(days) + " days");
    }
  } else {
    d.precision = Date::Precision::month;
  }
  return d;
}

// A number token, as int64 or double.
std::variant<std::int64_t, double> number(std::string_view token, Span span) {
  std::string shown(token);
  std::string digits = without_underscores(token);
  const char* first = digits.data();
  const char* last = digits.data() + digits.size();
  if (matches(token, shape::integer)) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last) {
      fail(span, "integer " + shown + " does not fit in 64 bits");
    }
    return value;
  }
  if (matches(token, shape::real)) {
    double value = 0;
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last) {
      fail(span, "number " + shown + " is out of range for a 64-bit float");
    }
    return value;
  }
  if (matches(digits, shape::integer) || matches(digits, shape::real)) {
    fail(span, "invalid number '" + shown + "': '_' may only stand between two digits");
  }
  // `10USD`: a number glued to a currency.
  if (token.size() > 3) {
    std::string_view amount = token.substr(0, token.size() - 3);
    std::string_view code = token.substr(token.size() - 3);
    bool letters = std::all_of(code.begin(), code.end(), [](char c) { return is_ascii_letter(c); });
    if (letters && (matches(amount, shape::integer) || matches(amount, shape::real))) {
      fail(span, "invalid number '" + shown + "': put a space between the amount and the currency, like " +
                     std::string(amount) + " " + std::string(code));
    }
  }
  fail(span, "invalid number '" + shown + "'");
}

bool starts_like_number(std::string_view s) {
  if (s.empty()) return false;
  if (is_ascii_digit(s[0])) return true;
  return (s[0] == '-' || s[0] == '+' || s[0] == '.') && s.size() > 1 && is_ascii_digit(s[1]);
}

// A time (a ':' after a digit), a date-time (a date, then T) or a duration
// (P, optionally signed, then a digit or T): read by the loader.
bool looks_temporal(std::string_view s) {
  if (s.empty()) return false;
  std::string_view body = s[0] == '-' || s[0] == '+' ? s.substr(1) : s;
  if (body.size() >= 2 && (body[0] == 'P' || body[0] == 'p') && (is_ascii_digit(body[1]) || body[1] == 'T')) return true;
  if (!is_ascii_digit(s[0])) return false;
  std::size_t t = s.find('T');
  return s.find(':') != std::string_view::npos || (t != std::string_view::npos && t >= 4 && s[4] == '-');
}

}  // namespace

std::string unquote(std::string_view text, Span token) {
  std::string out;
  std::uint32_t begin = token.begin + 1;  // after the opening quote
  std::uint32_t end = token.end - 1;      // at the closing quote
  for (std::uint32_t i = begin; i < end;) {
    char c = text[i];
    if (c == '\0') fail_at(i, 1, "a NUL character is not allowed in text");
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    char e = text[i + 1];  // the grammar guarantees a character after '\'
    switch (e) {
      case '"':
      case '\'':
      case '\\':
        out += e;
        i += 2;
        continue;
      case 'n':
        out += '\n';
        i += 2;
        continue;
      case 't':
        out += '\t';
        i += 2;
        continue;
      case 'u': {
        std::uint32_t hex_end = std::min(i + 6, end);
        std::uint32_t cp = 0;
        bool ok = hex_end == i + 6;
        for (std::uint32_t j = i + 2; ok && j < hex_end; ++j) {
          int h = hex_value(text[j]);
          if (h < 0) ok = false;
          cp = cp * 16 + static_cast<std::uint32_t>(h);
        }
        if (!ok) {
          // Show up to four characters after \u, never past the quote.
          std::uint32_t shown_end = i + 2;
          for (int n = 0; n < 4 && shown_end < end; ++n) shown_end += static_cast<std::uint32_t>(utf8_length(text[shown_end]));
          shown_end = std::min(shown_end, end);
          fail_at(i, shown_end - i,
                  "invalid escape '" + std::string(text.substr(i, shown_end - i)) +
                      "': \\u takes exactly 4 hex digits, like \\u00e9");
        }
        if (cp == 0) fail_at(i, 6, "invalid escape '\\u0000': a NUL character is not allowed in text");
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          fail_at(i, 6, "invalid escape '" + std::string(text.substr(i, 6)) +
                            "': surrogate code points (D800 to DFFF) are not characters");
        }
        text::utf8::append(out, static_cast<char32_t>(cp));
        i += 6;
        continue;
      }
      default: {
        auto length = static_cast<std::uint32_t>(1 + utf8_length(e));
        fail_at(i, length,
                "unknown escape '" + std::string(text.substr(i, length)) +
                    "' (use \\\" \\' \\\\ \\n \\t or \\uXXXX)");
      }
    }
  }
  return out;
}

// `7.15 billion`: a number and a word for a power of ten, which money does
// not take; the message shows the amount written out, 7_150_000_000.
std::optional<std::string> written_out(std::string_view number, std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, double>, 4> multipliers{
      {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const auto& [name, factor] : multipliers) {
    if (lower != name) continue;
    std::string plain;
    for (char c : number) {
      if (c != '_') plain += c;
    }
    double amount = 0;
    auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), amount);
    if (ec != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
    double total = amount * factor;
    if (total != static_cast<double>(static_cast<std::int64_t>(total)) || total > 9e15 || total < -9e15) {
      return std::nullopt;
    }
    std::string digits = std::to_string(static_cast<std::int64_t>(total < 0 ? -total : total));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i && (digits.size() - i) % 3 == 0) grouped += '_';
      grouped += digits[i];
    }
    return (total < 0 ? "-" : "") + grouped;
  }
  return std::nullopt;
}

// What money looks like, for a value that tried to be money and is not.
[[noreturn]] void fail_money(std::string_view text, Span token, Span from, Span to) {
  std::string_view number = slice(text, token);
  std::string_view word = slice(text, from);
  std::string_view code = to.end != from.end ? slice(text, to) : std::string_view("USD");
  std::string example = std::string(number) + " " + std::string(code);
  if (auto amount = written_out(number, word)) example = *amount + " " + std::string(code);
  if (to.end == from.end) {  // `7.15 billion`: no currency at all
    std::string plain = example.substr(0, example.size() - 4);
    fail(from, "'" + std::string(word) + "' is not a currency; write the number out, like " + plain +
                   ", or money as a number and a 3-letter currency code, like " + example);
  }
  fail(Span{from.begin, to.end}, "money is written as a number and then a 3-letter currency code, like " + example +
                                     "; '" + std::string(word) + "' cannot stand between them");
}

Value scalar(std::string_view text, Span token, std::optional<Span> currency, std::optional<Span> extra) {
  if (extra && starts_like_number(slice(text, token))) fail_money(text, token, *currency, *extra);
  if (currency && starts_like_number(slice(text, token)) && written_out(slice(text, token), slice(text, *currency))) {
    fail_money(text, token, *currency, *currency);
  }
  std::string_view word = slice(text, token);
  Value value;
  value.span = {token.begin, currency ? currency->end : token.end};
  bool numeric = false;
  if (word == "true") {
    value.data = true;
  } else if (word == "false") {
    value.data = false;
  } else if (word == "null") {
    value.data = Null{};
  } else if (looks_temporal(word)) {
    value.data = Temporal{std::string(word)};
  } else if (starts_like_number(word)) {
    if (matches(word, shape::date_like)) {
      value.data = date(word, token);
    } else {
      numeric = true;
      std::visit([&](auto n) { value.data = n; }, number(word, token));
    }
  } else {
    fail(token, "unquoted text '" + std::string(word) + "': text values need quotes, like \"" +
                    std::string(word) + "\"");
  }
  if (currency) {
    std::string_view code = slice(text, *currency);
    if (!numeric) fail(*currency, "a currency code can only follow a number");
    bool iso = code.size() == 3 &&
               std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso) {
      fail(*currency, "currency must be a 3-letter ISO 4217 code like USD, not '" + std::string(code) + "'");
    }
    Money money;
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) money.amount = v;
        },
        value.data);
    money.currency = std::string(code);
    value.data = std::move(money);
  }
  // `true x y`: what the word after the currency was taken as.
  if (extra) fail(*extra, "unexpected '" + std::string(slice(text, *extra)) + "'");
  return value;
}

std::int64_t line_number(std::string_view text, Span marker) {
  std::string_view digits = slice(text, marker).substr(1);
  std::string shown = "@" + std::string(digits);
  bool all_digits = std::all_of(digits.begin(), digits.end(), [](char c) { return is_ascii_digit(c); });
  if (!all_digits) {
    fail(marker, "invalid line number '" + shown + "': expected '@' and a positive integer, like @12");
  }
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc()) fail(marker, "line number " + shown + " does not fit in 64 bits");
  if (value == 0) fail(marker, "invalid line number '" + shown + "': lines are numbered from 1");
  return value;
}

}  // namespace ergo::kg::detail
