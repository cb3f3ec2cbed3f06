// Foreach: FOREACH (x IN list | ...). Shaped like the other writing clauses
// (eager_write_cursor.hpp): every input row is read before the body runs,
// so the clause's own reads never see its writes. Then, per row, the body
// plan runs to its end once per element, each time from the row as it came
// in plus the element; the row moves on as it came in.
#include "engine/exec/eager_write_cursor.hpp"

namespace ergo::exec {
namespace {

class ForeachCursor : public EagerWriteCursor {
 public:
  explicit ForeachCursor(const plan::Foreach& op)
      : EagerWriteCursor(open(*op.input)), op_(op), body_(open(*op.body)) {}

 private:
  void write(Frame& frame, ExecContext& ctx) override {
    const Value list = op_.list->eval(frame, ctx);
    if (list.is_null()) return;
    const std::vector<Value> row = frame.values;
    if (const List* items = list.get_if<List>()) {
      for (const Value& item : *items) run_body(row, item, frame, ctx);
    } else {
      run_body(row, list, frame, ctx);  // Neo4j iterates a single value once, as UNWIND does
    }
    frame.values = row;
  }

  void run_body(const std::vector<Value>& row, const Value& element, Frame& frame, ExecContext& ctx) {
    ctx.check_cancelled();
    frame.values = row;
    frame[op_.slot] = element;
    body_->reset();
    while (body_->pull(frame, ctx)) {
    }
  }

  const plan::Foreach& op_;
  CursorPtr body_;
};

}  // namespace

CursorPtr open_cursor(const plan::Foreach& op) { return std::make_unique<ForeachCursor>(op); }

}  // namespace ergo::exec
