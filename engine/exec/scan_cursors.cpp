// Where node patterns start: ScanNodes (all nodes, or a label's nodes) and
// SeekByName (the name index).
#include "engine/exec/cursors.hpp"
#include "engine/exec/node_range.hpp"
#include "engine/runtime/lookup.hpp"

namespace ergo::exec {
namespace {

using plan::ScanNodes;
using plan::SeekByName;

class ScanCursor : public Cursor {
 public:
  ScanCursor(const ScanNodes& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      store::NodeId n;
      if (active_ && nodes_.next(ctx.graph, n)) {
        frame[op_.slot] = NodeRef{n};
        return true;
      }
      active_ = false;
      if (!input_->pull(frame, ctx)) return false;
      ctx.check_cancelled();
      nodes_ = NodeRange(ctx.graph, op_.labels);
      active_ = true;
    }
  }

  void reset() override {
    input_->reset();
    active_ = false;
  }

 private:
  const ScanNodes& op_;
  CursorPtr input_;
  bool active_ = false;
  NodeRange nodes_;
};

class SeekCursor : public Cursor {
 public:
  SeekCursor(const SeekByName& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (next_ < found_.size()) {
        frame[op_.slot] = NodeRef{found_[next_++]};
        return true;
      }
      if (!input_->pull(frame, ctx)) return false;
      find(frame, ctx);
    }
  }

  void reset() override {
    input_->reset();
    found_.clear();
    next_ = 0;
  }

 private:
  void find(Frame& frame, ExecContext& ctx) {
    found_.clear();
    next_ = 0;
    Value name = op_.name->eval(frame, ctx);
    auto labels = runtime::find_labels(ctx.graph, op_.labels);
    if (!labels || !name.get_if<std::string>()) return;  // only a string can equal a string name
    const store::Graph& g = ctx.graph;
    for (store::NodeId n : g.find_by_name(name.as_string())) {
      // The index folds case and aliases; the pattern means exact equality.
      if (g.node_property(n, g.name_key()) == name && runtime::has_all_labels(g, n, *labels)) found_.push_back(n);
    }
  }

  const SeekByName& op_;
  CursorPtr input_;
  std::vector<store::NodeId> found_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::ScanNodes& op) { return std::make_unique<ScanCursor>(op); }
CursorPtr open_cursor(const plan::SeekByName& op) { return std::make_unique<SeekCursor>(op); }

}  // namespace ergo::exec
