// The row a pipeline of cursors works on: one slot per variable or computed
// column, numbered by the binder. Cursors write the slots they produce and
// read the ones produced upstream.
#pragma once

#include <vector>

#include "ergo/value.hpp"

namespace ergo::runtime {

struct Frame {
  explicit Frame(std::size_t slots = 0) : values(slots) {}
  Value& operator[](std::size_t slot) { return values[slot]; }
  const Value& operator[](std::size_t slot) const { return values[slot]; }
  std::vector<Value> values;
};

}  // namespace ergo::runtime
