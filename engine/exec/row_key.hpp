// Rows as hash keys under Cypher equivalence (null ≡ null, 1 ≡ 1.0), for
// DISTINCT and grouping.
#pragma once

#include <vector>

#include "engine/eval/comparison.hpp"

namespace ergo::exec {

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
