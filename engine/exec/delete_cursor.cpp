// DeleteElements: [DETACH] DELETE. All input rows are read first (the
// clause's reads never see its deletions); then each row's targets are
// deleted — nodes, relationships, and paths (all of their elements). An
// element already deleted is skipped, so deleting it from two rows counts
// once. The adjacency is refreshed before rows move on, so later clauses
// never expand over a deleted relationship.
#include "engine/exec/eager_write_cursor.hpp"

namespace ergo::exec {
namespace {

using plan::DeleteElements;

class DeleteCursor : public EagerWriteCursor {
 public:
  explicit DeleteCursor(const DeleteElements& op) : EagerWriteCursor(open(*op.input)), op_(op) {}

 private:
  void write(Frame& frame, ExecContext& ctx) override {
    for (const auto& target : op_.targets) {
      ctx.check_cancelled();
      remove(target->eval(frame, ctx), target->span(), ctx);
    }
  }
  void finish(ExecContext& ctx) override { ctx.graph.commit(); }

  void relationship(store::RelId r, ExecContext& ctx) {
    if (!ctx.graph.relationship_exists(r)) return;
    ctx.graph.delete_relationship(r);
    ++ctx.stats.relationships_deleted;
  }

  void node(store::NodeId n, Span at, ExecContext& ctx) {
    store::Graph& g = ctx.graph;
    if (!g.node_exists(n)) return;
    if (op_.detach) {
      // The adjacency is as of the last clause; relationships this clause
      // deleted are still listed (and skipped as already gone).
      std::vector<store::RelId> rels;
      for (const store::Adjacent& a : g.out(n)) rels.push_back(a.rel);
      for (const store::Adjacent& a : g.in(n)) rels.push_back(a.rel);
      for (store::RelId r : rels) relationship(r, ctx);
    } else {
      const Value name = g.node_property(n, g.name_key());
      ctx.deleted_nodes.push_back({n, at, name.get_if<std::string>() ? *name.get_if<std::string>() : std::string()});
    }
    g.delete_node(n);
    ++ctx.stats.nodes_deleted;
  }

  void remove(const Value& v, Span at, ExecContext& ctx) {
    if (v.is_null()) return;
    if (auto* n = v.get_if<NodeRef>()) return node(n->id, at, ctx);
    if (auto* r = v.get_if<RelationshipRef>()) return relationship(r->id, ctx);
    if (auto* p = v.get_if<PathRef>()) {
      for (RelationshipRef r : p->relationships) relationship(r.id, ctx);
      for (NodeRef n : p->nodes) node(n.id, at, ctx);
      return;
    }
    throw error_at(ctx, at, ErrorKind::type_error,
                   std::string("DELETE takes a node, a relationship or a path (this value is of type ") +
                       type_name(v.type()) + ")")
        .with_code("InvalidArgumentType");
  }

  const DeleteElements& op_;
};

}  // namespace

CursorPtr open_cursor(const plan::DeleteElements& op) { return std::make_unique<DeleteCursor>(op); }

}  // namespace ergo::exec
