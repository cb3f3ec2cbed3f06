// Recursive-descent parser for the TCK value notation (see value_parser.hpp).
// One function per form; each leaves the cursor after what it read and
// reports errors with the offset and the whole input text.
#include "tools/tck/value_parser.hpp"
#include "grammar/text/utf8.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>

namespace ergo::tck {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  TckValue parse_all() {
    TckValue v = value();
    skip_space();
    if (pos_ != text_.size()) fail("end of value");
    return v;
  }

 private:
  [[noreturn]] void fail(std::string_view expected) const {
    std::string found = pos_ < text_.size() ? "'" + std::string(1, text_[pos_]) + "'" : "end of text";
    throw ValueSyntaxError("expected " + std::string(expected) + " at offset " + std::to_string(pos_) +
                           " (found " + found + ") in `" + std::string(text_) + "`");
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool at(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  bool at_word(std::string_view word) {
    skip_space();
    if (text_.substr(pos_, word.size()) != word) return false;
    std::size_t end = pos_ + word.size();
    return end == text_.size() || !is_name_char(text_[end]);
  }
  bool accept(char c) {
    if (!at(c)) return false;
    ++pos_;
    return true;
  }
  void expect(char c) {
    if (!accept(c)) fail(std::string("'") + c + "'");
  }
  static bool is_name_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
  }

  TckValue value() {
    skip_space();
    if (pos_ >= text_.size()) fail("a value");
    char c = text_[pos_];
    switch (c) {
      case '(': return node();
      case '<': return path();
      case '{': return map();
      case '\'': return string();
      case '[': {
        std::size_t save = pos_++;
        bool is_rel = at(':');
        pos_ = save;
        if (is_rel) return relationship();
        return list();
      }
      default: break;
    }
    if (at_word("null")) return advance(4, TckValue{});
    if (at_word("true")) return advance(4, TckValue{true});
    if (at_word("false")) return advance(5, TckValue{false});
    if (at_word("NaN")) return advance(3, TckValue{std::numeric_limits<double>::quiet_NaN()});
    if (c == '-' || c == '.' || c == 'I' || std::isdigit(static_cast<unsigned char>(c))) return number();
    fail("a value");
  }

  TckValue advance(std::size_t n, TckValue v) {
    pos_ += n;
    return v;
  }

  TckValue number() {
    std::size_t start = pos_;
    bool negative = text_[pos_] == '-';
    if (negative) ++pos_;
    if (at_word("Infinity") || at_word("Inf")) {
      pos_ += text_.substr(pos_, 8) == "Infinity" ? 8 : 3;
      double inf = std::numeric_limits<double>::infinity();
      return negative ? -inf : inf;
    }
    std::size_t digits_start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    bool integral_digits = pos_ > digits_start;
    bool is_float = false;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      is_float = true;
      ++pos_;
      std::size_t frac_start = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (pos_ == frac_start) fail("digits after '.'");
    } else if (!integral_digits) {
      fail("a number");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      is_float = true;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) ++pos_;
      std::size_t exp_start = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (pos_ == exp_start) fail("exponent digits");
    }
    if (pos_ < text_.size() && is_name_char(text_[pos_])) fail("end of number");
    std::string token(text_.substr(start, pos_ - start));
    if (is_float) {
      // from_chars wants no '+' in the exponent and a digit before '.'.
      std::string cleaned;
      for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '+') continue;
        if (token[i] == '.' && (i == 0 || !std::isdigit(static_cast<unsigned char>(token[i - 1])))) cleaned += '0';
        cleaned += token[i];
      }
      double d = 0;
      auto [end, ec] = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), d);
      if (ec == std::errc::result_out_of_range) {
        // Overflow to ±Inf, underflow to ±0, as Double.parseDouble does.
        bool tiny = cleaned.find("e-") != std::string::npos || cleaned.find("E-") != std::string::npos;
        double mag = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        return negative ? -mag : mag;
      }
      if (ec != std::errc() || end != cleaned.data() + cleaned.size()) fail("a float");
      return d;
    }
    std::int64_t i = 0;
    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
    if (ec == std::errc::result_out_of_range) {
      pos_ = start;
      fail("an integer within 64 bits");
    }
    if (ec != std::errc() || end != token.data() + token.size()) fail("an integer");
    return i;
  }

  TckValue string() {
    expect('\'');
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("closing quote");
      char c = text_[pos_++];
      if (c == '\'') break;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("an escaped character");
      char e = text_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          std::uint32_t cp = 0;
          auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + std::min(pos_ + 4, text_.size()), cp, 16);
          if (ec != std::errc() || end != text_.data() + pos_ + 4) fail("four hex digits after \\u");
          pos_ += 4;
          text::utf8::append(out, static_cast<char32_t>(cp));
          break;
        }
        default: out += e; break;  // \' \\ \" and anything else: the character itself
      }
    }
    return out;
  }

  std::string name() {
    skip_space();
    if (accept('`')) {
      std::string out;
      while (true) {
        if (pos_ >= text_.size()) fail("closing backquote");
        char c = text_[pos_++];
        if (c == '`') {
          if (pos_ < text_.size() && text_[pos_] == '`') {
            out += '`';
            ++pos_;
            continue;
          }
          return out;
        }
        out += c;
      }
    }
    std::size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    if (pos_ == start) fail("a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  TckMap map_body() {
    TckMap out;
    expect('{');
    if (accept('}')) return out;
    do {
      std::string key = name();
      expect(':');
      if (out.count(key)) fail("a key not seen before in this map");
      out.emplace(std::move(key), value());
    } while (accept(','));
    expect('}');
    return out;
  }

  TckValue map() { return map_body(); }

  TckValue list() {
    TckList out;
    expect('[');
    if (accept(']')) return out;
    do {
      out.push_back(value());
    } while (accept(','));
    expect(']');
    return out;
  }

  TckNode node_body() {
    expect('(');
    std::vector<std::string> labels;
    while (accept(':')) labels.push_back(name());
    TckMap props;
    if (at('{')) props = map_body();
    expect(')');
    return make_node(std::move(labels), std::move(props));
  }

  TckValue node() { return node_body(); }

  TckRelationship relationship_body() {
    expect('[');
    expect(':');
    TckRelationship rel;
    rel.type = name();
    if (at('{')) rel.properties = map_body();
    expect(']');
    return rel;
  }

  TckValue relationship() { return relationship_body(); }

  TckValue path() {
    expect('<');
    TckPath p;
    p.start = node_body();
    while (true) {
      TckPathStep step;
      if (at('-')) {
        ++pos_;
        step.relationship = relationship_body();
        expect('-');
        expect('>');
        step.forward = true;
      } else if (at('<') && pos_ + 1 < text_.size() && text_[pos_ + 1] == '-') {
        pos_ += 2;
        step.relationship = relationship_body();
        expect('-');
        step.forward = false;
      } else {
        break;
      }
      step.node = node_body();
      p.steps.push_back(std::move(step));
    }
    expect('>');
    return p;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

TckValue parse_tck_value(std::string_view text) { return Parser(text).parse_all(); }

}  // namespace ergo::tck
