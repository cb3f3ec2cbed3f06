// Create: CREATE's nodes and relationships. All input rows are read before
// anything is created, and everything is created before any row moves on:
// reads never see the clause's own writes, and later clauses see all of them.
#include "engine/exec/cursors.hpp"

namespace ergo::exec {
namespace {

using plan::CreateNode;
using plan::CreateRelationship;
using plan::Create;

// Property values are scalars, dates, or lists of them (openCypher).
bool storable(const Value& v, bool inside_list = false) {
  switch (v.type()) {
    case Value::Type::list:
      if (inside_list) return false;
      for (const Value& item : v.as_list()) {
        if (!storable(item, true)) return false;
      }
      return true;
    case Value::Type::map:
    case Value::Type::node:
    case Value::Type::relationship:
    case Value::Type::path:
      return false;
    default:
      return true;
  }
}

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
        frame.values = std::move(row);
        create(frame, ctx);
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
  template <class SetProperty>
  void set_properties(const std::vector<std::pair<std::string, expr::ExprPtr>>& props, Frame& frame, ExecContext& ctx,
                      SetProperty set) {
    for (const auto& [key, e] : props) {
      Value v = e->eval(frame, ctx);
      if (v.is_null()) continue;
      if (!storable(v)) {
        throw error_at(ctx, e->span(), ErrorKind::type_error,
                       std::string("a property value must be a scalar, a date or a list of them, not ") +
                             type_name(v.type()));
      }
      set(ctx.graph.keys().intern(key), v);
      ++ctx.stats.properties_set;
    }
  }

  void create(Frame& frame, ExecContext& ctx) {
    store::Graph& g = ctx.graph;
    for (const CreateNode& spec : op_.nodes) {
      if (spec.existing) continue;
      std::vector<store::LabelId> labels;
      for (const std::string& l : spec.labels) labels.push_back(g.labels().intern(l));
      store::NodeId n = g.add_node(labels);
      ++ctx.stats.nodes_created;
      ctx.stats.labels_added += g.labels_of(n).size();
      frame[spec.slot] = NodeRef{n};
      set_properties(spec.properties, frame, ctx, [&](store::KeyId k, const Value& v) { g.set_node_property(n, k, v); });
    }
    for (const CreateRelationship& spec : op_.relationships) {
      auto from = frame[spec.from_slot].get_if<NodeRef>();
      auto to = frame[spec.to_slot].get_if<NodeRef>();
      if (!from || !to) {
        throw Error(ErrorKind::runtime_error, "cannot create a relationship to or from a null node");
      }
      store::RelId r = g.add_relationship(from->id, g.types().intern(spec.type), to->id);
      ++ctx.stats.relationships_created;
      frame[spec.slot] = RelationshipRef{r};
      set_properties(spec.properties, frame, ctx,
                     [&](store::KeyId k, const Value& v) { g.set_relationship_property(r, k, v); });
    }
  }

  const Create& op_;
  CursorPtr input_;
  bool done_ = false;
  std::vector<std::vector<Value>> rows_;
  std::size_t next_ = 0;
};

}  // namespace

CursorPtr open_cursor(const plan::Create& op) { return std::make_unique<CreateCursor>(op); }

}  // namespace ergo::exec
