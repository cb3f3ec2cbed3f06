// Where node patterns start: ScanNodes (all nodes, or a label's nodes) and
// SeekByName (the name index).
#include <algorithm>

#include "engine/exec/cursors.hpp"
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
      if (active_) {
        while (next_ < end_) {
          store::NodeId n = by_label_ ? by_label_[next_++] : static_cast<store::NodeId>(next_++);
          if (by_label_ && !runtime::has_all_labels(ctx.graph, n, others_)) continue;
          if (!by_label_ && !ctx.graph.node_exists(n)) continue;  // deleted: a tombstone (ADR 0006)
          frame[op_.slot] = NodeRef{n};
          return true;
        }
        active_ = false;
      }
      if (!input_->pull(frame, ctx)) return false;
      ctx.check_cancelled();
      start(ctx.graph);
    }
  }

  void reset() override {
    input_->reset();
    active_ = false;
  }

 private:
  void start(const store::Graph& g) {
    active_ = true;
    next_ = 0;
    by_label_ = nullptr;
    auto labels = runtime::find_labels(g, op_.labels);
    if (!labels) {
      end_ = 0;
      return;
    }
    if (labels->empty()) {
      end_ = g.node_count();
      return;
    }
    // Scan the rarest label; check the others per node.
    auto rarest = std::min_element(labels->begin(), labels->end(), [&](store::LabelId a, store::LabelId b) {
      return g.nodes_with_label(a).size() < g.nodes_with_label(b).size();
    });
    auto nodes = g.nodes_with_label(*rarest);
    by_label_ = nodes.data();
    end_ = nodes.size();
    others_ = *labels;
    others_.erase(others_.begin() + (rarest - labels->begin()));
  }

  const ScanNodes& op_;
  CursorPtr input_;
  bool active_ = false;
  const store::NodeId* by_label_ = nullptr;
  std::size_t next_ = 0, end_ = 0;
  std::vector<store::LabelId> others_;
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
