// Merge: MERGE. All input rows are read first; then, row by row, the
// pattern is matched against the graph as it is now — including what
// earlier rows of this clause created, so `UNWIND [1, 1] AS x MERGE ({v: x})`
// makes one node — and each match is a row (after ON MATCH SET); when there
// is none, the pattern is created (after which ON CREATE SET) and is the
// one row.
#include "engine/exec/cursors.hpp"
#include "engine/exec/write_steps.hpp"

namespace ergo::exec {
namespace {

class MergeCursor : public Cursor {
 public:
  explicit MergeCursor(const plan::Merge& op) : op_(op), input_(open(*op.input)), match_(open(*op.match)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    if (!done_) {
      done_ = true;
      std::vector<std::vector<Value>> rows;
      while (input_->pull(frame, ctx)) {
        ctx.check_cancelled();
        rows.push_back(frame.values);
      }
      for (auto& row : rows) {
        ctx.check_cancelled();
        merge(std::move(row), frame, ctx);
      }
    }
    if (next_ >= out_.size()) return false;
    frame.values = std::move(out_[next_++]);
    return true;
  }

  void reset() override {
    input_->reset();
    done_ = false;
    out_.clear();
    next_ = 0;
  }

 private:
  void merge(std::vector<Value> row, Frame& frame, ExecContext& ctx) {
    frame.values = row;
    match_->reset();
    std::vector<std::vector<Value>> found;
    while (match_->pull(frame, ctx)) found.push_back(frame.values);
    if (!found.empty()) {
      for (auto& values : found) {
        frame.values = std::move(values);
        for (const plan::SetItem& item : op_.on_match) apply_set_item(item, frame, ctx);
        out_.push_back(std::move(frame.values));
      }
      return;
    }
    frame.values = std::move(row);
    create_elements(op_.nodes, op_.relationships, frame, ctx);
    // The next row's match must see this row's relationships.
    if (!op_.relationships.empty()) ctx.graph.commit();
    if (op_.path) frame[op_.path->first] = op_.path->second->eval(frame, ctx);
    for (const plan::SetItem& item : op_.on_create) apply_set_item(item, frame, ctx);
    out_.push_back(std::move(frame.values));
  }

  const plan::Merge& op_;
  CursorPtr input_;
  CursorPtr match_;
  bool done_ = false;
  std::vector<std::vector<Value>> out_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::Merge& op) { return std::make_unique<MergeCursor>(op); }

}  // namespace ergo::exec
