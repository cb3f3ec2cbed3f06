// Where node patterns start: ScanNodes (all nodes, or a label's nodes),
// SeekByName (the name index) and SeekById (a node by id or elementId).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "engine/eval/comparison.hpp"
#include "engine/exec/cursors.hpp"
#include "engine/exec/node_range.hpp"
#include "engine/expr/nodes.hpp"
#include "engine/runtime/lookup.hpp"

namespace ergo::exec {
namespace {

using plan::ScanNodes;
using plan::SeekById;
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

// A seek: for each input row, the nodes find() lists (into found_), one
// row each.
template <typename Op>
class FoundNodesCursor : public Cursor {
 public:
  explicit FoundNodesCursor(const Op& op) : op_(op), input_(open(*op.input)) {}

  bool pull(Frame& frame, ExecContext& ctx) override {
    while (true) {
      if (next_ < found_.size()) {
        frame[op_.slot] = NodeRef{found_[next_++]};
        return true;
      }
      if (!input_->pull(frame, ctx)) return false;
      found_.clear();
      next_ = 0;
      find(frame, ctx);
    }
  }

  void reset() override {
    input_->reset();
    found_.clear();
    next_ = 0;
  }

 protected:
  virtual void find(Frame& frame, ExecContext& ctx) = 0;

  const Op& op_;
  std::vector<store::NodeId> found_;

 private:
  CursorPtr input_;
  std::size_t next_ = 0;
};

class SeekCursor : public FoundNodesCursor<SeekByName> {
 public:
  using FoundNodesCursor::FoundNodesCursor;

 private:
  void find(Frame& frame, ExecContext& ctx) override {
    Value name = op_.name->eval(frame, ctx);
    auto labels = runtime::find_labels(ctx.graph, op_.labels);
    if (!labels || name.is_null()) return;
    const store::Graph& g = ctx.graph;
    if (!name.get_if<std::string>()) {
      // The index holds names that are strings; a `name` of another type
      // (CREATE ({name: 5})) is found by comparing every node's, as `=`
      // does (5 = 5.0).
      NodeRange nodes(g, op_.labels);
      for (store::NodeId n; nodes.next(g, n);) {
        if (eval::equals(g.node_property(n, g.name_key()), name) == eval::Ternary::true_value) found_.push_back(n);
      }
      return;
    }
    for (store::NodeId n : g.find_by_name(name.as_string())) {
      // The index folds case and aliases; the pattern means exact equality.
      if (g.node_property(n, g.name_key()) == name && runtime::has_all_labels(g, n, *labels)) found_.push_back(n);
    }
  }
};

// The node id that `value` names as id(n) = value does: an integer, or a
// float equal to one (5 = 5.0); as elementId(n) = value does: a string of
// the form element_id() writes, "n:" and the id in decimal (value.cpp).
std::optional<std::uint64_t> id_named(const Value& value, bool element_id) {
  if (element_id) {
    const std::string* s = value.get_if<std::string>();
    if (!s || s->size() < 3 || s->compare(0, 2, "n:") != 0 || ((*s)[2] == '0' && s->size() > 3)) return std::nullopt;
    std::uint64_t id = 0;
    const char* end = s->data() + s->size();
    auto [at, error] = std::from_chars(s->data() + 2, end, id);
    if (error != std::errc() || at != end) return std::nullopt;
    return id;
  }
  if (const std::int64_t* i = value.get_if<std::int64_t>()) {
    if (*i >= 0) return static_cast<std::uint64_t>(*i);
  } else if (const double* d = value.get_if<double>()) {
    if (*d >= 0 && *d < 0x1p63 && std::floor(*d) == *d) return static_cast<std::uint64_t>(*d);
  }
  return std::nullopt;
}

class SeekByIdCursor : public FoundNodesCursor<SeekById> {
 public:
  using FoundNodesCursor::FoundNodesCursor;

 private:
  void find(Frame& frame, ExecContext& ctx) override {
    const store::Graph& g = ctx.graph;
    auto labels = runtime::find_labels(g, op_.labels);
    if (!labels) return;
    auto add = [&](const Value& v) {
      const std::optional<std::uint64_t> id = id_named(v, op_.element_id);
      if (!id || *id >= g.node_count()) return;
      const auto n = static_cast<store::NodeId>(*id);
      if (g.node_exists(n) && runtime::has_all_labels(g, n, *labels)) found_.push_back(n);
    };
    Value value = op_.id->eval(frame, ctx);
    if (!op_.in_list) return add(value);
    if (value.is_null()) return;
    const List* list = value.get_if<List>();
    if (!list) {
      // As the filter: an error if it would have tested a node.
      NodeRange nodes(g, op_.labels);
      store::NodeId n;
      if (!nodes.next(g, n)) return;
      throw expr::in_needs_a_list(ctx, op_.id->span(), value);
    }
    for (const Value& v : *list) add(v);
    // Each node once, in id order, as the scan gave them.
    std::sort(found_.begin(), found_.end());
    found_.erase(std::unique(found_.begin(), found_.end()), found_.end());
  }
};

}  // namespace

CursorPtr open_cursor(const plan::SeekById& op) { return std::make_unique<SeekByIdCursor>(op); }
CursorPtr open_cursor(const plan::ScanNodes& op) { return std::make_unique<ScanCursor>(op); }
CursorPtr open_cursor(const plan::SeekByName& op) { return std::make_unique<SeekCursor>(op); }

}  // namespace ergo::exec
