// The X3 syntax tree of one .kg line: what the grammar (value_def.hpp,
// statement_def.hpp) synthesizes and lower.cpp turns into the plain types of
// kg_document.hpp. Tokens carry only their byte offsets; lowering reads their
// text back from the source, so the grammar copies no strings.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <cstdint>
#include <vector>

namespace ergo::kg::ast {

namespace x3 = boost::spirit::x3;

// Byte offsets [begin, end) of what a rule matched, filled in by the
// grammar's Annotate handler when the rule succeeds.
struct Located {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// A run of bare-name characters: a bare name, label, relationship type,
// property key, scalar value, currency, `@directive` or `@LINE` marker.
struct Word : Located {};

// A quoted string, quotes included; escapes are resolved when lowering.
struct Quoted : Located {};

struct Name : x3::variant<Word, Quoted> {
  using base_type::base_type;
  using base_type::operator=;
};

// A number, date, `true`, `false`, `null` (or a mistake), and for money the
// currency after it. `extra` is a second word after that, never valid, kept
// so that `7.15 billion USD` is explained as a whole (literal.cpp).
struct Scalar : Located {
  Word token;
  boost::optional<Word> currency;
  boost::optional<Word> extra;
};

struct List;
struct Map;

struct Value : x3::variant<Quoted, Scalar, x3::forward_ast<List>, x3::forward_ast<Map>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct List : Located {
  std::vector<Value> elements;
};

struct Property : Located {
  Word key;
  Value value;
};

struct Map : Located {
  std::vector<Property> properties;
};

// `@source NAME`; the keyword keeps its '@'.
struct Directive : Located {
  Word keyword;
  boost::optional<Name> argument;
};

// `: Label[:Label...] [aka NAME, ...] [{...}]` after an entity's name.
struct DeclTail {
  std::vector<Word> labels;
  std::vector<Name> aliases;
  boost::optional<Map> properties;
};

// `TYPE NAME [{...}] [@LINE]` after a fact's subject.
struct FactTail {
  Word type;
  Name object;
  boost::optional<Map> properties;
  boost::optional<Word> line;
};

// A statement that starts with a name: an entity declaration or a fact.
struct NameStatement : Located {
  Name subject;
  x3::variant<DeclTail, FactTail> tail;
};

struct Statement : x3::variant<Directive, NameStatement> {
  using base_type::base_type;
  using base_type::operator=;
};

}  // namespace ergo::kg::ast
