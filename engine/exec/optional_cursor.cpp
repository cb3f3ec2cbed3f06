// Optional: OPTIONAL MATCH as a subplan run once per input row, padding with
// nulls when it finds nothing.
#include "engine/plan/operators.hpp"

namespace ergo::plan {
namespace {

using exec::Cursor;
using exec::ExecContext;
using exec::Frame;

class OptionalCursor : public Cursor {
 public:
  OptionalCursor(const Optional& op) : op_(op), input_(op.input->open()), sub_(op.subplan->open()) {}

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
  exec::CursorPtr input_;
  exec::CursorPtr sub_;
  bool active_ = false;
  bool matched_ = false;
};

}  // namespace

CursorPtr Optional::open() const { return std::make_unique<OptionalCursor>(*this); }

}  // namespace ergo::plan
