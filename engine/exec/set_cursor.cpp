// SetItems: SET and REMOVE. Like CREATE, all input rows are read before
// anything changes, so the clause's own reads never see its writes; then
// each row's items are applied in order (write_steps.cpp), their
// expressions evaluated as they are applied (so `SET n.a = 1, n.b = n.a`
// reads 1, as in Neo4j).
#include "engine/exec/eager_write_cursor.hpp"
#include "engine/exec/write_steps.hpp"

namespace ergo::exec {
namespace {

class SetCursor : public EagerWriteCursor {
 public:
  explicit SetCursor(const plan::SetItems& op) : EagerWriteCursor(open(*op.input)), op_(op) {}

 private:
  void write(Frame& frame, ExecContext& ctx) override {
    // A check per item: one row may carry tens of thousands of them.
    for (const plan::SetItem& item : op_.items) {
      ctx.check_cancelled();
      apply_set_item(item, frame, ctx);
    }
  }

  const plan::SetItems& op_;
};

}  // namespace

CursorPtr open_cursor(const plan::SetItems& op) { return std::make_unique<SetCursor>(op); }

}  // namespace ergo::exec
