// SetItems: SET and REMOVE. Like CREATE, all input rows are read before
// anything changes, so the clause's own reads never see its writes; then
// each row's items are applied in order (write_steps.cpp), their
// expressions evaluated as they are applied (so `SET n.a = 1, n.b = n.a`
// reads 1, as in Neo4j).
#include "engine/exec/cursors.hpp"
#include "engine/exec/write_steps.hpp"

namespace ergo::exec {
namespace {

class SetCursor : public Cursor {
 public:
  explicit SetCursor(const plan::SetItems& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!done_) {
      done_ = true;
      while (input_->pull(frame, ctx)) {
        ctx.check_cancelled();
        rows_.push_back(frame.values);
      }
      for (auto& row : rows_) {
        frame.values = std::move(row);
        // A check per item: one row may carry tens of thousands of them.
        for (const plan::SetItem& item : op_.items) {
          ctx.check_cancelled();
          apply_set_item(item, frame, ctx);
        }
        row = std::move(frame.values);
      }
    }
    if (next_ >= rows_.size()) return false;
    frame.values = std::move(rows_[next_++]);
    return true;
  }

  void reset() override {
    input_->reset();
    done_ = false;
    rows_.clear();
    next_ = 0;
  }

 private:
  const plan::SetItems& op_;
  CursorPtr input_;
  bool done_ = false;
  std::vector<std::vector<Value>> rows_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::SetItems& op) { return std::make_unique<SetCursor>(op); }

}  // namespace ergo::exec
