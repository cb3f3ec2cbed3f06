// Orderability: the total order ORDER BY, min() and max() use across every
// type (openCypher CIP2016-06-14, checked by the TCK's ReturnOrderBy1).
#include <algorithm>
#include <cmath>

#include "engine/eval/comparison.hpp"
#include "engine/eval/number.hpp"
#include "engine/eval/temporal_math.hpp"

namespace ergo::eval {
namespace {

// Position of each type in the ascending global sort order.
int rank(Value::Type t) {
  switch (t) {
    case Value::Type::map: return 0;
    case Value::Type::node: return 1;
    case Value::Type::relationship: return 2;
    case Value::Type::list: return 3;
    case Value::Type::path: return 4;
    // Neo4j's order of the temporal types.
    case Value::Type::datetime: return 5;
    case Value::Type::local_datetime: return 6;
    case Value::Type::date: return 7;
    case Value::Type::time: return 8;
    case Value::Type::local_time: return 9;
    case Value::Type::duration: return 10;
    case Value::Type::string: return 11;
    case Value::Type::boolean: return 12;
    case Value::Type::integer:
    case Value::Type::floating: return 13;
    case Value::Type::null: return 14;
  }
  return 14;
}

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

bool is_nan(const Value& v) {
  const double* d = v.get_if<double>();
  return d && std::isnan(*d);
}

int order_numbers(const Value& a, const Value& b) {
  bool a_nan = is_nan(a), b_nan = is_nan(b);
  if (a_nan || b_nan) return static_cast<int>(a_nan) - static_cast<int>(b_nan);  // NaN last
  return *number::compare(a, b);
}

int order_lists(const List& a, const List& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (int c = order(a[i], b[i]); c != 0) return c;
  }
  return three_way(a.size(), b.size());
}

int order_maps(const Map& a, const Map& b) {
  if (a.size() != b.size()) return three_way(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (int c = a[i].first.compare(b[i].first); c != 0) return c < 0 ? -1 : 1;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (int c = order(a[i].second, b[i].second); c != 0) return c;
  }
  return 0;
}

// As the list [n0, r0, n1, r1, ..., nk].
int order_paths(const PathRef& a, const PathRef& b) {
  std::size_t n = std::min(a.nodes.size(), b.nodes.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (int c = three_way(a.nodes[i].id, b.nodes[i].id); c != 0) return c;
    if (i < a.relationships.size() && i < b.relationships.size()) {
      if (int c = three_way(a.relationships[i].id, b.relationships[i].id); c != 0) return c;
    }
  }
  return three_way(a.nodes.size() + a.relationships.size(), b.nodes.size() + b.relationships.size());
}

}  // namespace

int order(const Value& a, const Value& b) {
  int ra = rank(a.type()), rb = rank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case Value::Type::null: return 0;
    case Value::Type::integer:
    case Value::Type::floating: return order_numbers(a, b);
    case Value::Type::boolean: return three_way(a.as_bool(), b.as_bool());
    case Value::Type::string: {
      int c = a.as_string().compare(b.as_string());  // bytewise = code point order
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Value::Type::date: return three_way(a.as_date(), b.as_date());
    case Value::Type::list: return order_lists(a.as_list(), b.as_list());
    case Value::Type::map: return order_maps(a.as_map(), b.as_map());
    case Value::Type::node: return three_way(a.as_node().id, b.as_node().id);
    case Value::Type::relationship: return three_way(a.as_relationship().id, b.as_relationship().id);
    case Value::Type::path: return order_paths(a.as_path(), b.as_path());
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime:
    case Value::Type::duration: return temporal::order(a, b);
  }
  return 0;
}

}  // namespace ergo::eval
