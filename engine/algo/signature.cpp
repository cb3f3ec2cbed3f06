// Reading a procedure declaration in Neo4j's form (see catalog.hpp):
// `test.my.proc(in :: INTEGER?, x :: LIST? OF STRING?) :: (out :: STRING?)`.
#include <cctype>
#include <utility>

#include "engine/algo/catalog.hpp"

namespace ergo::algo {
namespace {

class SignatureReader {
 public:
  explicit SignatureReader(std::string_view text) : text_(text) {}

  Procedure read() {
    Procedure p;
    p.name = qualified_name();
    expect("(");
    if (!accept(")")) {
      do p.arguments.push_back(argument()); while (accept(","));
      expect(")");
    }
    expect("::");
    if (accept_word("VOID")) {
      // no fields
    } else {
      expect("(");
      if (!accept(")")) {
        do p.fields.push_back(field()); while (accept(","));
        expect(")");
      }
    }
    space();
    if (at_ < text_.size()) fail("unexpected text after the signature");
    p.description = "Added by the program embedding this database.";
    return p;
  }

 private:
  [[noreturn]] void fail(const std::string& message) { throw SignatureError{at_, message}; }

  void space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  bool accept(std::string_view token) {
    space();
    if (text_.substr(at_, token.size()) != token) return false;
    at_ += token.size();
    return true;
  }
  void expect(std::string_view token) {
    if (!accept(token)) fail("expected '" + std::string(token) + "'");
  }
  static bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
  std::string word() {
    space();
    std::size_t start = at_;
    while (at_ < text_.size() && word_char(text_[at_])) ++at_;
    if (start == at_) fail("expected a name");
    return std::string(text_.substr(start, at_ - start));
  }
  bool accept_word(std::string_view w) {
    space();
    std::size_t end = at_;
    while (end < text_.size() && word_char(text_[end])) ++end;
    std::string_view found = text_.substr(at_, end - at_);
    if (found.size() != w.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(found[i])) != w[i]) return false;
    }
    at_ = end;
    return true;
  }
  std::string qualified_name() {
    std::string name = word();
    while (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      name += "." + word();
    }
    return name;
  }
  // A type and whether it is nullable (`?`).
  std::pair<Type, bool> type() {
    space();
    const std::size_t start = at_;
    if (accept_word("LIST")) {
      accept("?");
      Type element = Type::any;
      if (accept("<")) {
        element = type().first;
        expect(">");
      } else if (accept_word("OF")) {
        element = type().first;
      } else {
        fail("expected OF or '<' after LIST");
      }
      return {element == Type::string ? Type::string_list : Type::list, accept("?")};
    }
    // The scalar and graph types, by name.
    static constexpr std::pair<std::string_view, Type> named[] = {
        {"ANY", Type::any},      {"BOOLEAN", Type::boolean}, {"INTEGER", Type::integer},
        {"FLOAT", Type::number}, {"NUMBER", Type::numeric},  {"STRING", Type::string},
        {"MAP", Type::map},      {"NODE", Type::node},       {"RELATIONSHIP", Type::relationship},
        {"PATH", Type::path}};
    for (const auto& [word, t] : named) {
      if (accept_word(word)) return {t, accept("?")};
    }
    at_ = start;
    fail("expected a type: ANY, BOOLEAN, INTEGER, FLOAT, NUMBER, STRING, MAP, NODE, RELATIONSHIP, PATH or "
         "LIST OF a type");
  }
  Argument argument() {
    Argument a;
    a.name = word();
    expect("::");
    auto [t, nullable] = type();
    a.type = t;
    a.nullable = nullable;
    return a;
  }
  Field field() {
    Field f;
    f.name = word();
    expect("::");
    f.type = type().first;
    return f;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

Procedure parse_signature(std::string_view text) { return SignatureReader(text).read(); }

}  // namespace ergo::algo
