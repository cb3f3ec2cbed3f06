// ergo::Value: construction, typed access and Cypher literal notation.
#include "ergo/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "ergo/error.hpp"

namespace ergo {
namespace {

[[noreturn]] void wrong_type(Value::Type actual, const char* wanted) {
  throw Error(ErrorKind::type_error,
              std::string("expected a value of type ") + wanted + ", got " + type_name(actual));
}

void append_quoted(std::string& out, const std::string& s) {
  out += '\'';
  for (char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  out += '\'';
}

std::string format_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // The shortest text that reads back to the same double; to_chars picks
  // plain or exponent notation, whichever is shorter (10.0 → "10").
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string s(buf, end);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

}  // namespace

const char* type_name(Value::Type t) {
  switch (t) {
    case Value::Type::null: return "NULL";
    case Value::Type::boolean: return "BOOLEAN";
    case Value::Type::integer: return "INTEGER";
    case Value::Type::floating: return "FLOAT";
    case Value::Type::string: return "STRING";
    case Value::Type::date: return "DATE";
    case Value::Type::list: return "LIST";
    case Value::Type::map: return "MAP";
    case Value::Type::node: return "NODE";
    case Value::Type::relationship: return "RELATIONSHIP";
    case Value::Type::path: return "PATH";
    case Value::Type::local_time: return "LOCAL TIME";
    case Value::Type::time: return "ZONED TIME";
    case Value::Type::local_datetime: return "LOCAL DATETIME";
    case Value::Type::datetime: return "ZONED DATETIME";
    case Value::Type::duration: return "DURATION";
  }
  return "?";
}

std::string element_id(NodeRef n) { return "n:" + std::to_string(n.id); }
std::string element_id(RelationshipRef r) { return "r:" + std::to_string(r.id); }

Value::Value(Map m) {
  // Stable sort keeps insertion order among equal keys; keep the last one.
  std::stable_sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Map unique;
  unique.reserve(m.size());
  for (auto& entry : m) {
    if (!unique.empty() && unique.back().first == entry.first) {
      unique.back().second = std::move(entry.second);
    } else {
      unique.push_back(std::move(entry));
    }
  }
  data_ = std::move(unique);
}

bool Value::as_bool() const {
  if (auto* b = get_if<bool>()) return *b;
  wrong_type(type(), "BOOLEAN");
}
std::int64_t Value::as_int() const {
  if (auto* i = get_if<std::int64_t>()) return *i;
  wrong_type(type(), "INTEGER");
}
double Value::as_double() const {
  if (auto* d = get_if<double>()) return *d;
  if (auto* i = get_if<std::int64_t>()) return static_cast<double>(*i);
  wrong_type(type(), "FLOAT");
}
const std::string& Value::as_string() const {
  if (auto* s = get_if<std::string>()) return *s;
  wrong_type(type(), "STRING");
}
Date Value::as_date() const {
  if (auto* d = get_if<Date>()) return *d;
  wrong_type(type(), "DATE");
}
LocalTime Value::as_local_time() const {
  if (auto* t = get_if<LocalTime>()) return *t;
  wrong_type(type(), "LOCAL TIME");
}
Time Value::as_time() const {
  if (auto* t = get_if<Time>()) return *t;
  wrong_type(type(), "ZONED TIME");
}
LocalDateTime Value::as_local_datetime() const {
  if (auto* t = get_if<LocalDateTime>()) return *t;
  wrong_type(type(), "LOCAL DATETIME");
}
const DateTime& Value::as_datetime() const {
  if (auto* t = get_if<DateTime>()) return *t;
  wrong_type(type(), "ZONED DATETIME");
}
Duration Value::as_duration() const {
  if (auto* d = get_if<Duration>()) return *d;
  wrong_type(type(), "DURATION");
}
const List& Value::as_list() const {
  if (auto* l = get_if<List>()) return *l;
  wrong_type(type(), "LIST");
}
const Map& Value::as_map() const {
  if (auto* m = get_if<Map>()) return *m;
  wrong_type(type(), "MAP");
}
NodeRef Value::as_node() const {
  if (auto* n = get_if<NodeRef>()) return *n;
  wrong_type(type(), "NODE");
}
RelationshipRef Value::as_relationship() const {
  if (auto* r = get_if<RelationshipRef>()) return *r;
  wrong_type(type(), "RELATIONSHIP");
}
const PathRef& Value::as_path() const {
  if (auto* p = get_if<PathRef>()) return *p;
  wrong_type(type(), "PATH");
}

std::string Value::to_cypher() const {
  struct Printer {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return format_double(d); }
    std::string operator()(const std::string& s) const {
      std::string out;
      append_quoted(out, s);
      return out;
    }
    std::string operator()(Date d) const { return "date('" + d.to_string() + "')"; }
    std::string operator()(LocalTime t) const { return "localtime('" + t.to_string() + "')"; }
    std::string operator()(Time t) const { return "time('" + t.to_string() + "')"; }
    std::string operator()(LocalDateTime t) const { return "localdatetime('" + t.to_string() + "')"; }
    std::string operator()(const DateTime& t) const { return "datetime('" + t.to_string() + "')"; }
    std::string operator()(Duration d) const { return "duration('" + d.to_string() + "')"; }
    std::string operator()(const List& l) const {
      std::string out = "[";
      for (std::size_t i = 0; i < l.size(); ++i) out += (i ? ", " : "") + l[i].to_cypher();
      return out + "]";
    }
    std::string operator()(const Map& m) const {
      std::string out = "{";
      for (std::size_t i = 0; i < m.size(); ++i) {
        out += (i ? ", " : "") + m[i].first + ": " + m[i].second.to_cypher();
      }
      return out + "}";
    }
    std::string operator()(NodeRef n) const { return "(#" + std::to_string(n.id) + ")"; }
    std::string operator()(RelationshipRef r) const { return "[#" + std::to_string(r.id) + "]"; }
    std::string operator()(const PathRef& p) const {
      std::string out = "<";
      for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        out += "(#" + std::to_string(p.nodes[i].id) + ")";
        if (i < p.relationships.size()) out += "-[#" + std::to_string(p.relationships[i].id) + "]-";
      }
      return out + ">";
    }
  };
  return std::visit(Printer{}, data_);
}

}  // namespace ergo
