// Create: CREATE's nodes and relationships. All input rows are read before
// anything is created, and everything is created before any row moves on:
// reads never see the clause's own writes, and later clauses see all of them.
#include "engine/exec/cursors.hpp"
#include "engine/exec/write_steps.hpp"

namespace ergo::exec {
namespace {

using plan::Create;

class CreateCursor : public Cursor {
 public:
  CreateCursor(const Create& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!done_) {
      done_ = true;
      while (input_->pull(frame, ctx)) {
        ctx.check_cancelled();
        rows_.push_back(frame.values);
      }
      for (auto& row : rows_) {
        ctx.check_cancelled();
        frame.values = std::move(row);
        create_elements(op_.nodes, op_.relationships, frame, ctx);
        row = std::move(frame.values);
      }
      ctx.graph.commit();
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
  const Create& op_;
  CursorPtr input_;
  bool done_ = false;
  std::vector<std::vector<Value>> rows_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::Create& op) { return std::make_unique<CreateCursor>(op); }

}  // namespace ergo::exec
