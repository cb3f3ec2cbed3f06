// A pull cursor: each pull() fills the frame with the next row and returns
// true, or returns false when there are no more. reset() makes a cursor start
// over, for subplans run once per outer row (OPTIONAL MATCH, EXISTS).
#pragma once

#include <memory>

#include "engine/runtime/context.hpp"
#include "engine/runtime/frame.hpp"

namespace ergo::runtime {

class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual bool pull(Frame& frame, ExecContext& ctx) = 0;
  virtual void reset() = 0;
};

using CursorPtr = std::unique_ptr<Cursor>;

}  // namespace ergo::runtime
