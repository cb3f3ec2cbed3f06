// Rows as hash keys under Cypher equivalence (null ≡ null, 1 ≡ 1.0), for
// DISTINCT and grouping; and what a kept row costs the memory budget.
#pragma once

#include <vector>

#include "engine/eval/comparison.hpp"
#include "engine/runtime/memory.hpp"

namespace ergo::exec {

// A kept row's bytes for the memory budget: its values, the vector and a
// hash-node's worth of bookkeeping.
inline std::size_t row_bytes(const std::vector<Value>& values) {
  std::size_t bytes = sizeof(values) + 32;
  for (const Value& v : values) bytes += runtime::footprint(v);
  return bytes;
}

struct RowKeyHash {
  std::size_t operator()(const std::vector<Value>& row) const {
    std::size_t h = row.size();
    for (const Value& v : row) h = h * 1000003u ^ eval::hash_equivalent(v);
    return h;
  }
};

struct RowKeyEqual {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!eval::equivalent(a[i], b[i])) return false;
    }
    return true;
  }
};

}  // namespace ergo::exec
