// CallProcedure: runs a procedure of engine/algo/ once per input row and
// emits its rows. Errors about one argument are placed under it in the
// query; others under the procedure name.
#include "engine/algo/procedure.hpp"
#include "engine/exec/cursors.hpp"

namespace ergo::exec {
namespace {

using plan::CallProcedure;

class CallCursor : public Cursor {
 public:
  CallCursor(const CallProcedure& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (next_ < rows_.size()) {
        algo::Row& row = rows_[next_++];
        for (const CallProcedure::Yield& y : op_.yields) frame[y.slot] = row[y.field];
        return true;
      }
      if (!input_->pull(frame, ctx)) return false;
      run(frame, ctx);
      if (op_.void_passes_row) {
        rows_.clear();
        return true;
      }
    }
  }

  void reset() override {
    input_->reset();
    rows_.clear();
    next_ = 0;
  }

 private:
  void run(Frame& frame, ExecContext& ctx) {
    rows_.clear();
    next_ = 0;
    std::vector<Value> values;
    for (const expr::ExprPtr& a : op_.arguments) values.push_back(a->eval(frame, ctx));
    const algo::Procedure& p = *op_.procedure;
    try {
      algo::Arguments args = algo::make_arguments(p, std::move(values));
      rows_ = p.run(algo::CallContext{ctx.graph, [&ctx] { ctx.check_cancelled(); }, op_.catalog}, args);
    } catch (const algo::ArgumentError& e) {
      Error placed = error_at(ctx, op_.arguments[e.argument]->span(), e.kind(), e.message());
      throw placed.with_code(e.code());
    } catch (const Error& e) {
      if (e.code() == "Cancelled") throw;
      rethrow_at(ctx, op_.at, e);
    }
  }

  const CallProcedure& op_;
  CursorPtr input_;
  algo::Rows rows_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::CallProcedure& op) { return std::make_unique<CallCursor>(op); }

}  // namespace ergo::exec
