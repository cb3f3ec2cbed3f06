// What the .kg parser produces and the loader consumes: plain structs with
// byte-offset spans into the source, so the loader can point its own errors
// (unknown entity, conflicting property) at the right spot. No Spirit types
// here: the X3 AST stays inside the parser's translation units.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grammar/text/diagnostic.hpp"
#include "grammar/text/span.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo::kg {

using Span = text::Span;

struct Date {
  enum class Precision { day, month };
  int year = 0;
  int month = 1;
  int day = 1;
  Precision precision = Precision::day;
};

// A time, date-time or duration as written (09:30, 2019-07-22T09:30:00+09:00,
// 2019-07-22T09:30[Asia/Seoul], P1Y2M): the loader reads it, so the grammar
// stays free of time zones.
struct Temporal {
  std::string text;
};

struct Money {
  std::variant<std::int64_t, double> amount;
  std::string currency;  // ISO 4217 code, three upper-case letters
};

struct Value;
struct Property;
using List = std::vector<Value>;
using Map = std::vector<Property>;

struct Null {};

struct Value {
  std::variant<Null, bool, std::int64_t, double, std::string, Date, Money, List, Map, Temporal> data;
  Span span;
};

struct Property {
  std::string key;
  Value value;
  Span span;  // the whole `key: value`
};

// An entity name, label, relationship type or document name as written
// (quotes removed, escapes resolved).
struct Name {
  std::string text;
  Span span;
};

// `@source NAME`
struct SourceDirective {
  Name document;
  Span span;
};

// `NAME : Label[:Label...] [aka NAME, ...] [{...}]`
struct EntityDecl {
  Name name;
  std::vector<Name> labels;
  std::vector<Name> aliases;
  Map properties;
  Span span;
};

// `NAME TYPE NAME [{...}] [@LINE]`
struct Fact {
  Name subject;
  Name type;
  Name object;
  Map properties;
  std::optional<std::int64_t> line;
  Span line_span;  // the `@LINE` marker, when present
  Span span;
};

using Statement = std::variant<SourceDirective, EntityDecl, Fact>;

struct ParsedFile {
  text::SourcePtr source;
  std::vector<Statement> statements;       // every line that parsed, in order
  std::vector<text::Diagnostic> diagnostics;  // one per bad line, in order
};

}  // namespace ergo::kg
