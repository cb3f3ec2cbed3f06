// Character-level scanning for the Cypher parser (see lexer.hpp): spaces and
// comments, keywords, Unicode names, number and string literals with the
// openCypher error details the TCK expects.
#include "grammar/cypher/lexer.hpp"
#include "grammar/text/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace ergo::cypher::lexer {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the code point at p (p < end, *p non-ASCII); 0 length when invalid.
std::size_t decode(const char* p, const char* end, utf8proc_int32_t& cp) {
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(p),
                                        static_cast<utf8proc_ssize_t>(end - p), &cp);
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}

// Length of a non-ASCII whitespace code point at p, or 0.
std::size_t unicode_space_length(const char* p, const char* end) {
  utf8proc_int32_t cp;
  std::size_t n = decode(p, end, cp);
  if (n == 0) return 0;
  if (cp == 0xFEFF) return n;  // byte order mark
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return n;
    default:
      return 0;
  }
}

// The end of the word starting at p (for underlining a bad literal whole).
const char* word_end(const char* p, const char* end) {
  while (p < end) {
    std::size_t n = identifier_part_length(p, end);
    if (n == 0) break;
    p += n;
  }
  return p;
}

[[noreturn]] void invalid_number(const char* start, const char* p, const char* end) {
  const char* stop = word_end(p, end);
  throw LexicalError{start, static_cast<std::size_t>(stop - start),
                     "invalid number literal '" + std::string(start, stop) + "'", "InvalidNumberLiteral"};
}

[[noreturn]] void integer_overflow(const char* start, const char* p, bool negated) {
  throw LexicalError{start, static_cast<std::size_t>(p - start),
                     negated ? "integer literal is too small (the smallest integer is -9223372036854775808)"
                             : "integer literal is too large (the largest integer is 9223372036854775807)",
                     "IntegerOverflow"};
}

// Digits in base 8 or 16 after a 0o / 0x prefix.
bool scan_radix(const char*& p, const char* end, const char* start, int base, bool negated, Number& out) {
  const std::uint64_t limit = negated ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1;
  std::uint64_t value = 0;
  bool overflow = false;
  const char* digits = p;
  while (p < end) {
    int d = hex_value(*p);
    if (d < 0 || d >= base) break;
    if (value > (limit - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) overflow = true;
    if (!overflow) value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    ++p;
  }
  if (p == digits || continues_word(p, end)) invalid_number(start, p, end);
  if (overflow) integer_overflow(start, p, negated);
  out.is_float = false;
  out.integer = negated ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
  return true;
}

// Whether a decimal literal's value is far from zero (so an out-of-range
// conversion means overflow, not underflow): its integer digits plus its
// exponent are positive.
bool is_large(std::string_view text) {
  std::size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view ex = text.substr(e + 1);
    bool neg = !ex.empty() && ex[0] == '-';
    if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
    for (char c : ex) exponent = std::min(exponent * 10 + (c - '0'), 100000L);
    if (neg) exponent = -exponent;
  }
  std::size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::size_t nonzero = whole.find_first_not_of('0');
  long magnitude = nonzero == std::string_view::npos ? 0 : static_cast<long>(whole.size() - nonzero);
  return magnitude + exponent > 0;
}

}  // namespace

const char* skip_space_slow(const char* p, const char* end) {
  while (p < end) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1F)) {
      ++p;
    } else if (c == '/' && p + 1 < end && p[1] == '/') {
      while (p < end && *p != '\n' && *p != '\r') ++p;
    } else if (c == '/' && p + 1 < end && p[1] == '*') {
      const char* q = p + 2;
      while (q + 1 < end && !(q[0] == '*' && q[1] == '/')) ++q;
      if (q + 1 >= end) return p;  // unterminated: leave it for the parser to report
      p = q + 2;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      std::size_t n = unicode_space_length(p, end);
      if (n == 0) return p;
      p += n;
    } else {
      return p;
    }
  }
  return p;
}

std::size_t identifier_start_length(const char* p, const char* end) {
  if (p >= end) return 0;
  char c = *p;
  if (is_ascii_letter(c) || c == '_') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  utf8proc_int32_t cp;
  std::size_t n = decode(p, end, cp);
  if (n == 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_PC:
      return n;
    default:
      return 0;
  }
}

std::size_t identifier_part_length(const char* p, const char* end) {
  if (p >= end) return 0;
  char c = *p;
  if (is_ascii_letter(c) || is_ascii_digit(c) || c == '_') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  if (std::size_t n = identifier_start_length(p, end)) return n;
  utf8proc_int32_t cp;
  std::size_t n = decode(p, end, cp);
  if (n == 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
      return n;
    default:
      return 0;
  }
}

bool match_keyword(const char*& p, const char* end, std::string_view word) {
  if (static_cast<std::size_t>(end - p) < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (upper(p[i]) != word[i]) return false;
  }
  if (continues_word(p + word.size(), end)) return false;
  p += word.size();
  return true;
}

bool equals_keyword(std::string_view word, std::string_view upper_word) {
  if (word.size() != upper_word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (upper(word[i]) != upper_word[i]) return false;
  }
  return true;
}

bool scan_name(const char*& p, const char* end, std::string& out, bool& quoted) {
  if (p < end && *p == '`') {
    const char* q = p + 1;
    std::string name;
    for (;;) {
      if (q >= end) throw LexicalError{p, 1, "unterminated quoted name (missing closing '`')", "UnexpectedSyntax"};
      if (*q == '`') {
        if (q + 1 < end && q[1] == '`') {
          name += '`';
          q += 2;
          continue;
        }
        ++q;
        break;
      }
      name += *q++;
    }
    out = std::move(name);
    quoted = true;
    p = q;
    return true;
  }
  std::size_t n = identifier_start_length(p, end);
  if (n == 0) return false;
  const char* q = p + n;
  while (std::size_t m = identifier_part_length(q, end)) q += m;
  out.assign(p, q);
  quoted = false;
  p = q;
  return true;
}

namespace {

// openCypher's reserved words (oC_ReservedWord), sorted.
constexpr std::array<std::string_view, 53> reserved_words = {
    "ADD",      "ALL",      "AND",       "AS",     "ASC",     "ASCENDING", "BY",       "CASE",   "CONSTRAINT",
    "CONTAINS", "CREATE",   "DELETE",    "DESC",   "DESCENDING", "DETACH", "DISTINCT", "DO",     "DROP",
    "ELSE",     "END",      "ENDS",      "EXISTS", "FALSE",   "FOR",       "IN",       "IS",     "LIMIT",
    "MANDATORY", "MATCH",   "MERGE",     "NOT",    "NULL",    "OF",        "ON",       "OPTIONAL", "OR",
    "ORDER",    "REMOVE",   "REQUIRE",   "RETURN", "SCALAR",  "SET",       "SKIP",     "STARTS", "THEN",
    "TRUE",     "UNION",    "UNIQUE",    "UNWIND", "WHEN",    "WHERE",     "WITH",     "XOR"};
static_assert(std::is_sorted(reserved_words.begin(), reserved_words.end()));

// For each letter, the lengths of the reserved words it begins (bit n: a
// word of n letters): most names are no reserved word and are told so
// without a search.
constexpr std::array<std::uint16_t, 26> reserved_lengths = [] {
  std::array<std::uint16_t, 26> lengths{};
  for (std::string_view w : reserved_words) lengths[w[0] - 'A'] |= static_cast<std::uint16_t>(1u << w.size());
  return lengths;
}();

}  // namespace

bool is_reserved_word(std::string_view word) {
  if (word.empty() || word.size() > 10) return false;
  const char first = upper(word[0]);
  if (first < 'A' || first > 'Z' || !(reserved_lengths[first - 'A'] & (1u << word.size()))) return false;
  char buf[10];
  for (std::size_t i = 0; i < word.size(); ++i) buf[i] = upper(word[i]);
  std::string_view key(buf, word.size());
  return std::binary_search(reserved_words.begin(), reserved_words.end(), key);
}

const std::vector<std::string>& all_keywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w(reserved_words.begin(), reserved_words.end());
    for (const char* extra : {"CALL", "YIELD", "EXPLAIN", "PROFILE", "COUNT", "ANY", "NONE", "SINGLE",
                              "SHORTESTPATH", "ALLSHORTESTPATHS", "FOREACH", "REDUCE", "SHOW", "PROCEDURES", "LOAD",
                              "CSV", "HEADERS", "FROM", "FIELDTERMINATOR", "TRANSACTIONS", "ROWS"}) {
      w.emplace_back(extra);
    }
    return w;
  }();
  return words;
}

bool starts_number(const char* p, const char* end) {
  if (p >= end) return false;
  if (is_ascii_digit(*p)) return true;
  return *p == '.' && p + 1 < end && is_ascii_digit(p[1]);
}

bool scan_number(const char*& p, const char* end, bool negated, bool integer_only, Number& out) {
  if (!starts_number(p, end)) return false;
  if (integer_only && !is_ascii_digit(*p)) return false;
  const char* start = p;
  const char* q = p;
  if (*q == '0' && q + 1 < end && (q[1] == 'x' || q[1] == 'X')) {
    q += 2;
    scan_radix(q, end, start, 16, negated, out);
    p = q;
    return true;
  }
  if (*q == '0' && q + 1 < end && (q[1] == 'o' || q[1] == 'O')) {
    q += 2;
    scan_radix(q, end, start, 8, negated, out);
    p = q;
    return true;
  }
  bool is_float = false;
  while (q < end && is_ascii_digit(*q)) ++q;
  const char* integer_end = q;
  if (!integer_only && q + 1 < end && *q == '.' && is_ascii_digit(q[1])) {
    is_float = true;
    ++q;
    while (q < end && is_ascii_digit(*q)) ++q;
  }
  if (!integer_only && q < end && (*q == 'e' || *q == 'E')) {
    const char* e = q + 1;
    if (e < end && (*e == '-' || *e == '+')) ++e;
    if (e >= end || !is_ascii_digit(*e)) invalid_number(start, q, end);
    while (e < end && is_ascii_digit(*e)) ++e;
    q = e;
    is_float = true;
  }
  if (continues_word(q, end)) invalid_number(start, q, end);
  if (!is_float) {
    if (integer_end - start > 1 && *start == '0') {
      throw LexicalError{start, static_cast<std::size_t>(q - start),
                         "invalid number literal '" + std::string(start, q) +
                             "': decimal integers have no leading zeros (write 0o" +
                             std::string(start + 1, q) + " for an octal number)",
                         "InvalidNumberLiteral"};
    }
    const std::uint64_t limit = negated ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1;
    std::uint64_t value = 0;
    for (const char* d = start; d < q; ++d) {
      auto digit = static_cast<std::uint64_t>(*d - '0');
      if (value > (limit - digit) / 10) integer_overflow(start, q, negated);
      value = value * 10 + digit;
    }
    out.is_float = false;
    out.integer = negated ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
    p = q;
    return true;
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(start, q, value);
  if (ec == std::errc::result_out_of_range) {
    if (is_large(std::string_view(start, static_cast<std::size_t>(q - start)))) {
      throw LexicalError{start, static_cast<std::size_t>(q - start),
                         "floating-point literal is out of range (the largest is about 1.8e308)",
                         "FloatingPointOverflow"};
    }
    value = 0;  // underflow: as close to zero as it gets
  } else if (ec != std::errc() || ptr != q) {
    invalid_number(start, q, end);
  }
  out.is_float = true;
  out.real = negated ? -value : value;
  p = q;
  return true;
}

bool scan_string(const char*& p, const char* end, std::string& out) {
  if (p >= end || (*p != '\'' && *p != '"')) return false;
  const char quote = *p;
  const char* q = p + 1;
  std::string value;
  for (;;) {
    if (q >= end) {
      throw LexicalError{p, 1, std::string("unterminated string literal: the closing ") + quote + " is missing",
                         "UnexpectedSyntax"};
    }
    char c = *q;
    if (c == quote) {
      ++q;
      break;
    }
    if (c != '\\') {
      value += c;
      ++q;
      continue;
    }
    const char* escape = q;
    if (q + 1 >= end) {
      throw LexicalError{p, 1, std::string("unterminated string literal: the closing ") + quote + " is missing",
                         "UnexpectedSyntax"};
    }
    char e = q[1];
    q += 2;
    switch (e) {
      case '\\': value += '\\'; break;
      case '\'': value += '\''; break;
      case '"': value += '"'; break;
      case 'b': case 'B': value += '\b'; break;
      case 'f': case 'F': value += '\f'; break;
      case 'n': case 'N': value += '\n'; break;
      case 'r': case 'R': value += '\r'; break;
      case 't': case 'T': value += '\t'; break;
      case 'u':
      case 'U': {
        const int digits = e == 'u' ? 4 : 8;
        std::uint32_t cp = 0;
        int i = 0;
        for (; i < digits && q + i < end && hex_value(q[i]) >= 0; ++i) {
          cp = cp * 16 + static_cast<std::uint32_t>(hex_value(q[i]));
        }
        const char* digits_end = q + i;
        auto bad = [&](const char* stop, const std::string& why) {
          throw LexicalError{escape, static_cast<std::size_t>(stop - escape),
                             "invalid Unicode escape '" + std::string(escape, stop) + "': " + why,
                             "InvalidUnicodeLiteral"};
        };
        if (i < digits) {
          const char* stop = digits_end < end && *digits_end != quote ? digits_end + 1 : digits_end;
          bad(stop, std::string("expected ") + (digits == 4 ? "4" : "8") + " hexadecimal digits");
        }
        q = digits_end;
        // A UTF-16 surrogate pair written as two \u escapes is one code point.
        if (cp >= 0xD800 && cp <= 0xDBFF && end - q >= 6 && q[0] == '\\' && q[1] == 'u') {
          std::uint32_t low = 0;
          bool ok = true;
          for (int k = 2; k < 6; ++k) {
            int h = hex_value(q[k]);
            if (h < 0) ok = false;
            else low = low * 16 + static_cast<std::uint32_t>(h);
          }
          if (ok && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            q += 6;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) bad(q, "a lone UTF-16 surrogate is not a character");
        if (cp > 0x10FFFF) bad(q, "beyond the last Unicode code point U+10FFFF");
        text::utf8::append(value, static_cast<char32_t>(cp));
        break;
      }
      default: {
        std::size_t n = 1;
        if (static_cast<unsigned char>(e) >= 0x80) {
          utf8proc_int32_t cp;
          n = std::max<std::size_t>(1, decode(q - 1, end, cp));
        }
        throw LexicalError{escape, 1 + n,
                           "invalid escape sequence '" + std::string(escape, escape + 1 + n) +
                               "' in string literal (write '\\\\' for a backslash)",
                           "UnexpectedSyntax"};
      }
    }
  }
  out = std::move(value);
  p = q;
  return true;
}

}  // namespace ergo::cypher::lexer
