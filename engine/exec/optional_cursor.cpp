// Optional: OPTIONAL MATCH as a subplan run once per input row, padding with
// nulls when it finds nothing.
#include "engine/exec/cursors.hpp"

namespace ergo::exec {
namespace {

using plan::Optional;

class OptionalCursor : public Cursor {
 public:
  OptionalCursor(const Optional& op) : op_(op), input_(open(*op.input)), sub_(open(*op.subplan)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (active_) {
        if (sub_->pull(frame, ctx)) {
          matched_ = true;
          return true;
        }
        active_ = false;
        if (!matched_) {
          for (std::size_t slot : op_.null_slots) frame[slot] = Value();
          return true;
        }
      }
      if (!input_->pull(frame, ctx)) return false;
      sub_->reset();
      active_ = true;
      matched_ = false;
    }
  }

  void reset() override {
    input_->reset();
    active_ = false;
  }

 private:
  const Optional& op_;
  CursorPtr input_;
  CursorPtr sub_;
  bool active_ = false;
  bool matched_ = false;
};

}  // namespace

CursorPtr open_cursor(const plan::Optional& op) { return std::make_unique<OptionalCursor>(op); }

}  // namespace ergo::exec
