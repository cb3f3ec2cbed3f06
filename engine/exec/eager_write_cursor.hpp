// The shape CREATE, SET/REMOVE and DELETE share: every input row is read
// before anything changes, so the clause's own reads never see its writes;
// then each row is written in order; then the rows move on, and later
// clauses see every write.
#pragma once

#include <utility>
#include <vector>

#include "engine/exec/cursors.hpp"

namespace ergo::exec {

class EagerWriteCursor : public Cursor {
 public:
  explicit EagerWriteCursor(CursorPtr input) : input_(std::move(input)) {}

  bool pull(Frame& frame, ExecContext& ctx) final {
    if (!done_) {
      done_ = true;
      while (input_->pull(frame, ctx)) {
        ctx.check_cancelled();
        rows_.push_back(frame.values);
      }
      for (auto& row : rows_) {
        ctx.check_cancelled();
        frame.values = std::move(row);
        write(frame, ctx);
        row = std::move(frame.values);
      }
      finish(ctx);
    }
    if (next_ >= rows_.size()) return false;
    frame.values = std::move(rows_[next_++]);
    return true;
  }

  void reset() final {
    input_->reset();
    done_ = false;
    rows_.clear();
    next_ = 0;
  }

 protected:
  // Applies the clause to the row in `frame`.
  virtual void write(Frame& frame, ExecContext& ctx) = 0;
  // After the last row: clauses that add or remove relationships refresh
  // the adjacency here, so later clauses expand over what they did.
  virtual void finish(ExecContext&) {}

 private:
  CursorPtr input_;
  bool done_ = false;
  std::vector<std::vector<Value>> rows_;
  std::size_t next_ = 0;
};

}  // namespace ergo::exec
