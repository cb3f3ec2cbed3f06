// Equality (`=`) and comparability (`<` and friends) with openCypher's null
// and NaN rules.
#include "engine/eval/comparison.hpp"

#include <algorithm>

#include "engine/eval/number.hpp"
#include "engine/eval/temporal_math.hpp"

namespace ergo::eval {
namespace {

// A comparison's outcome before it is read as a truth value: NaN makes every
// operator false, an incomparable pair makes it unknown.
enum class Cmp { less, equal, greater, nan, incomparable };

template <class T>
Cmp three_way(const T& a, const T& b) {
  return a < b ? Cmp::less : b < a ? Cmp::greater : Cmp::equal;
}

Cmp comparability(const Value& a, const Value& b);

Cmp compare_lists(const List& a, const List& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    Cmp c = comparability(a[i], b[i]);
    if (c != Cmp::equal) return c;
  }
  return three_way(a.size(), b.size());
}

bool holds_null(const Map& m) {
  return std::any_of(m.begin(), m.end(), [](const auto& entry) { return entry.second.is_null(); });
}

Cmp compare_maps(const Map& a, const Map& b) {
  if (holds_null(a) || holds_null(b)) return Cmp::incomparable;
  if (a.size() != b.size()) return three_way(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first) return three_way(a[i].first, b[i].first);
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    Cmp c = comparability(a[i].second, b[i].second);
    if (c != Cmp::equal) return c;
  }
  return Cmp::equal;
}

// Paths compare as the list [n0, r0, n1, r1, ..., nk].
Cmp compare_paths(const PathRef& a, const PathRef& b) {
  std::size_t n = std::min(a.nodes.size(), b.nodes.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a.nodes[i].id != b.nodes[i].id) return three_way(a.nodes[i].id, b.nodes[i].id);
    if (i < a.relationships.size() && i < b.relationships.size() &&
        a.relationships[i].id != b.relationships[i].id) {
      return three_way(a.relationships[i].id, b.relationships[i].id);
    }
  }
  return three_way(a.nodes.size() + a.relationships.size(), b.nodes.size() + b.relationships.size());
}

Cmp comparability(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Cmp::incomparable;
  if (number::is_number(a) && number::is_number(b)) {
    std::optional<int> c = number::compare(a, b);
    if (!c) return Cmp::nan;
    return *c < 0 ? Cmp::less : *c > 0 ? Cmp::greater : Cmp::equal;
  }
  if (a.type() != b.type()) return Cmp::incomparable;
  switch (a.type()) {
    case Value::Type::boolean: return three_way(a.as_bool(), b.as_bool());
    case Value::Type::string: return three_way(a.as_string(), b.as_string());
    case Value::Type::date: return three_way(a.as_date(), b.as_date());
    case Value::Type::list: return compare_lists(a.as_list(), b.as_list());
    case Value::Type::map: return compare_maps(a.as_map(), b.as_map());
    case Value::Type::node: return three_way(a.as_node().id, b.as_node().id);
    case Value::Type::relationship: return three_way(a.as_relationship().id, b.as_relationship().id);
    case Value::Type::path: return compare_paths(a.as_path(), b.as_path());
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime:
    case Value::Type::duration: {
      // Durations have no order Cypher compares by (P1M against P30D).
      std::optional<int> c = temporal::compare(a, b);
      if (!c) return Cmp::incomparable;
      return *c < 0 ? Cmp::less : *c > 0 ? Cmp::greater : Cmp::equal;
    }
    default: return Cmp::incomparable;
  }
}

Ternary equal_lists(const List& a, const List& b) {
  if (a.size() != b.size()) return Ternary::false_value;
  Ternary acc = Ternary::true_value;
  for (std::size_t i = 0; i < a.size(); ++i) {
    Ternary t = equals(a[i], b[i]);
    if (t == Ternary::false_value) return t;
    acc = ternary_and(acc, t);
  }
  return acc;
}

Ternary equal_maps(const Map& a, const Map& b) {
  if (a.size() != b.size()) return Ternary::false_value;
  Ternary acc = Ternary::true_value;
  for (std::size_t i = 0; i < a.size(); ++i) {
    // Entries are sorted by key, so equal key sets line up pairwise.
    if (a[i].first != b[i].first) return Ternary::false_value;
    Ternary t = equals(a[i].second, b[i].second);
    if (t == Ternary::false_value) return t;
    acc = ternary_and(acc, t);
  }
  return acc;
}

}  // namespace

Ternary equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Ternary::unknown;
  if (number::is_number(a) && number::is_number(b)) {
    std::optional<int> c = number::compare(a, b);
    return to_ternary(c && *c == 0);
  }
  if (a.type() != b.type()) return Ternary::false_value;
  switch (a.type()) {
    case Value::Type::list: return equal_lists(a.as_list(), b.as_list());
    case Value::Type::map: return equal_maps(a.as_map(), b.as_map());
    // Booleans, strings, temporal values (a time or date-time equals another
    // with the same local reading and the same offset or zone, as Neo4j's
    // do), nodes, relationships, paths.
    default: return to_ternary(a == b);
  }
}

Ternary not_equals(const Value& a, const Value& b) { return ternary_not(equals(a, b)); }

Ternary less(const Value& a, const Value& b) {
  switch (comparability(a, b)) {
    case Cmp::less: return Ternary::true_value;
    case Cmp::incomparable: return Ternary::unknown;
    default: return Ternary::false_value;
  }
}

Ternary less_equal(const Value& a, const Value& b) {
  switch (comparability(a, b)) {
    case Cmp::less:
    case Cmp::equal: return Ternary::true_value;
    case Cmp::incomparable: return Ternary::unknown;
    default: return Ternary::false_value;
  }
}

Ternary greater(const Value& a, const Value& b) { return less(b, a); }

Ternary greater_equal(const Value& a, const Value& b) { return less_equal(b, a); }

std::optional<int> compare(const Value& a, const Value& b) {
  switch (comparability(a, b)) {
    case Cmp::less: return -1;
    case Cmp::equal: return 0;
    case Cmp::greater: return 1;
    default: return std::nullopt;
  }
}

}  // namespace ergo::eval
