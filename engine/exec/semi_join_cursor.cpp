// SemiJoin: an input row passes when its subplan has a first row; the rest
// of the subplan's matches are never enumerated.
#include "engine/exec/cursors.hpp"

namespace ergo::exec {
namespace {

class SemiJoinCursor : public Cursor {
 public:
  SemiJoinCursor(const plan::SemiJoin& op) : input_(open(*op.input)), sub_(open(*op.subplan)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (input_->pull(frame, ctx)) {
      ctx.check_cancelled();
      sub_->reset();
      if (sub_->pull(frame, ctx)) return true;
    }
    return false;
  }

  void reset() override { input_->reset(); }

 private:
  CursorPtr input_;
  CursorPtr sub_;
};

}  // namespace

CursorPtr open_cursor(const plan::SemiJoin& op) { return std::make_unique<SemiJoinCursor>(op); }

}  // namespace ergo::exec
