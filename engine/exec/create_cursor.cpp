// Create: CREATE's nodes and relationships. All input rows are read before
// anything is created, and everything is created before any row moves on:
// reads never see the clause's own writes, and later clauses see all of them.
#include "engine/exec/eager_write_cursor.hpp"
#include "engine/exec/write_steps.hpp"

namespace ergo::exec {
namespace {

using plan::Create;

class CreateCursor : public EagerWriteCursor {
 public:
  CreateCursor(const Create& op) : EagerWriteCursor(open(*op.input)), op_(op) {}

 private:
  void write(Frame& frame, ExecContext& ctx) override {
    create_elements(op_.nodes, op_.relationships, frame, ctx);
  }
  void finish(ExecContext& ctx) override { ctx.graph.commit(); }

  const Create& op_;
};

}  // namespace

CursorPtr open_cursor(const plan::Create& op) { return std::make_unique<CreateCursor>(op); }

}  // namespace ergo::exec
