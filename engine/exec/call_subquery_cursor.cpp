// CallSubquery: CALL { ... } as subplans run once per input row (see
// operators.hpp). A reading subquery streams: an input row, then its
// subquery rows, then the next input row. One that writes is eager: all
// input rows, then every run to its end (each seeing the runs before it),
// then the rows move on, so the clauses after it see every write.
#include <unordered_set>

#include "engine/exec/cursors.hpp"
#include "engine/exec/row_key.hpp"

namespace ergo::exec {
namespace {

using plan::CallSubquery;

class CallSubqueryCursor : public Cursor {
 public:
  explicit CallSubqueryCursor(const CallSubquery& op) : op_(op), input_(open(*op.input)) {
    for (const CallSubquery::Branch& b : op.branches) branches_.push_back(open(*b.root));
  }

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (op_.writes) return pull_eager(frame, ctx);
    return pull_streaming(frame, ctx);
  }

  void reset() override {
    input_->reset();
    active_ = false;
    eager_done_ = false;
    buffered_.clear();
    next_ = 0;
    held_.clear();
    seen_.clear();
    seen_held_.clear();
  }

 private:
  // The next output row of the current input row (in row_), else false.
  bool next_of_row(Frame& frame, ExecContext& ctx) {
    while (branch_ < branches_.size()) {
      Cursor& sub = *branches_[branch_];
      if (!started_) {
        frame.values = row_;
        sub.reset();
        started_ = true;
      }
      if (op_.column_slots.empty()) {  // a unit subquery: run to its end
        while (sub.pull(frame, ctx)) ctx.check_cancelled();
      } else if (sub.pull(frame, ctx)) {
        const auto& from = op_.branches[branch_].column_slots;
        std::vector<Value> out(from.size());
        for (std::size_t i = 0; i < from.size(); ++i) out[i] = frame[from[i]];
        frame.values = row_;
        for (std::size_t i = 0; i < out.size(); ++i) frame[op_.column_slots[i]] = out[i];
        if (op_.distinct) {
          const std::size_t bytes = row_bytes(out);
          if (!seen_.insert(std::move(out)).second) continue;
          seen_held_.add(ctx.memory, bytes);
        }
        return true;
      }
      ++branch_;
      started_ = false;
    }
    if (op_.column_slots.empty() && !unit_passed_) {
      unit_passed_ = true;
      frame.values = row_;
      return true;
    }
    return false;
  }

  void begin_row(const Frame& frame) {
    row_ = frame.values;
    branch_ = 0;
    started_ = false;
    unit_passed_ = false;
    seen_.clear();
    seen_held_.clear();
  }

  bool pull_streaming(Frame& frame, ExecContext& ctx) {
    while (true) {
      if (active_ && next_of_row(frame, ctx)) return true;
      if (!input_->pull(frame, ctx)) return false;
      begin_row(frame);
      active_ = true;
    }
  }

  bool pull_eager(Frame& frame, ExecContext& ctx) {
    if (!eager_done_) {
      eager_done_ = true;
      std::vector<std::vector<Value>> inputs;
      runtime::MemoryHold inputs_held;
      while (input_->pull(frame, ctx)) {
        ctx.check_cancelled();
        inputs_held.add(ctx.memory, row_bytes(frame.values));
        inputs.push_back(frame.values);
      }
      for (std::vector<Value>& input : inputs) {
        frame.values = std::move(input);
        begin_row(frame);
        while (next_of_row(frame, ctx)) {
          held_.add(ctx.memory, row_bytes(frame.values));
          buffered_.push_back(frame.values);
        }
      }
    }
    if (next_ >= buffered_.size()) return false;
    frame.values = std::move(buffered_[next_++]);
    return true;
  }

  const CallSubquery& op_;
  CursorPtr input_;
  std::vector<CursorPtr> branches_;
  // The input row being joined, and where its subquery runs are.
  std::vector<Value> row_;
  bool active_ = false;
  std::size_t branch_ = 0;
  bool started_ = false;
  bool unit_passed_ = false;
  // UNION: the rows the current input row already gave.
  std::unordered_set<std::vector<Value>, RowKeyHash, RowKeyEqual> seen_;
  runtime::MemoryHold seen_held_;
  // Eager: every output row, made before the first moves on.
  bool eager_done_ = false;
  std::vector<std::vector<Value>> buffered_;
  std::size_t next_ = 0;
  runtime::MemoryHold held_;
};

}  // namespace

CursorPtr open_cursor(const plan::CallSubquery& op) { return std::make_unique<CallSubqueryCursor>(op); }

}  // namespace ergo::exec
