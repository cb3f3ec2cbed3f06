// Equivalence (DISTINCT, grouping, aggregate DISTINCT) and its hash: equality
// where null ≡ null and NaN ≡ NaN, with 1 ≡ 1.0 hashing alike.
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>

#include "engine/eval/comparison.hpp"
#include "engine/eval/number.hpp"

namespace ergo::eval {
namespace {

// splitmix64's finalizer: spreads every input bit over the result.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::uint64_t combine(std::uint64_t seed, std::uint64_t h) { return mix(seed ^ (h + 0x632BE59BD9B4E019ull)); }

// Distinct seeds per kind of value, so [] and {} and null differ.
enum Seed : std::uint64_t { null_seed = 1, bool_seed, number_seed, nan_seed, string_seed, date_seed,
                            list_seed, map_seed, node_seed, relationship_seed, path_seed, local_time_seed,
                            time_seed, local_datetime_seed, datetime_seed, duration_seed };

std::uint64_t hash_number(const Value& v) {
  if (const std::int64_t* i = v.get_if<std::int64_t>()) {
    return combine(number_seed, static_cast<std::uint64_t>(*i));
  }
  double d = *v.get_if<double>();
  if (std::isnan(d)) return mix(nan_seed);
  // An integral float in the INTEGER range hashes as that integer (so
  // 1.0 and 1 agree, and -0.0 as 0).
  if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
    return combine(number_seed, static_cast<std::uint64_t>(static_cast<std::int64_t>(d)));
  }
  return combine(number_seed, std::bit_cast<std::uint64_t>(d));
}

bool equivalent_numbers(const Value& a, const Value& b) {
  const double* ad = a.get_if<double>();
  const double* bd = b.get_if<double>();
  bool a_nan = ad && std::isnan(*ad), b_nan = bd && std::isnan(*bd);
  if (a_nan || b_nan) return a_nan && b_nan;
  return *number::compare(a, b) == 0;
}

}  // namespace

bool equivalent(const Value& a, const Value& b) {
  if (number::is_number(a) && number::is_number(b)) return equivalent_numbers(a, b);
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::list: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equivalent(x[i], y[i])) return false;
      }
      return true;
    }
    case Value::Type::map: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first || !equivalent(x[i].second, y[i].second)) return false;
      }
      return true;
    }
    default: return a == b;  // null, booleans, strings, temporal values, nodes, relationships, paths
  }
}

std::size_t hash_equivalent(const Value& v) {
  switch (v.type()) {
    case Value::Type::null: return mix(null_seed);
    case Value::Type::boolean: return combine(bool_seed, v.as_bool());
    case Value::Type::integer:
    case Value::Type::floating: return hash_number(v);
    case Value::Type::string: return combine(string_seed, std::hash<std::string_view>{}(v.as_string()));
    case Value::Type::date: return combine(date_seed, static_cast<std::uint64_t>(v.as_date().days_since_epoch()));
    case Value::Type::list: {
      std::uint64_t h = combine(list_seed, v.as_list().size());
      for (const Value& item : v.as_list()) h = combine(h, hash_equivalent(item));
      return h;
    }
    case Value::Type::map: {
      std::uint64_t h = combine(map_seed, v.as_map().size());
      for (const auto& [key, item] : v.as_map()) {
        h = combine(combine(h, std::hash<std::string_view>{}(key)), hash_equivalent(item));
      }
      return h;
    }
    case Value::Type::node: return combine(node_seed, v.as_node().id);
    case Value::Type::relationship: return combine(relationship_seed, v.as_relationship().id);
    case Value::Type::local_time:
      return combine(local_time_seed, static_cast<std::uint64_t>(v.as_local_time().nanos_of_day()));
    case Value::Type::time:
      return combine(combine(time_seed, static_cast<std::uint64_t>(v.as_time().local().nanos_of_day())),
                     static_cast<std::uint64_t>(v.as_time().offset_seconds()));
    case Value::Type::local_datetime:
      return combine(combine(local_datetime_seed, static_cast<std::uint64_t>(v.as_local_datetime().epoch_seconds())),
                     static_cast<std::uint64_t>(v.as_local_datetime().nanosecond()));
    case Value::Type::datetime: {
      const DateTime& d = v.as_datetime();
      std::uint64_t h = combine(datetime_seed, static_cast<std::uint64_t>(d.epoch_seconds()));
      h = combine(combine(h, static_cast<std::uint64_t>(d.nanosecond())), static_cast<std::uint64_t>(d.offset_seconds()));
      return combine(h, std::hash<std::string_view>{}(d.zone()));
    }
    case Value::Type::duration: {
      const Duration d = v.as_duration();
      std::uint64_t h = combine(duration_seed, static_cast<std::uint64_t>(d.months()));
      h = combine(combine(h, static_cast<std::uint64_t>(d.days())), static_cast<std::uint64_t>(d.seconds()));
      return combine(h, static_cast<std::uint64_t>(d.nanoseconds()));
    }
    case Value::Type::path: {
      const PathRef& p = v.as_path();
      std::uint64_t h = combine(path_seed, p.nodes.size());
      for (NodeRef n : p.nodes) h = combine(h, n.id);
      for (RelationshipRef r : p.relationships) h = combine(h, r.id);
      return h;
    }
  }
  return 0;
}

std::size_t EquivalentHash::operator()(const std::vector<Value>& row) const {
  std::uint64_t h = combine(list_seed, row.size());
  for (const Value& v : row) h = combine(h, hash_equivalent(v));
  return h;
}

bool EquivalentEqual::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!equivalent(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace ergo::eval
