// Function calls: pure library functions, and the ones that read the graph
// (see nodes.hpp).
#include <algorithm>

#include "engine/eval/functions.hpp"
#include "engine/expr/nodes.hpp"

namespace ergo::expr {
namespace {

std::string call_text(const std::string& name, const ExprList& args) {
  std::string out = name + "(";
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i]->describe();
  return out + ")";
}

std::vector<Value> evaluate(const ExprList& args, Frame& frame, ExecContext& ctx) {
  std::vector<Value> values;
  values.reserve(args.size());
  for (const ExprPtr& a : args) values.push_back(a->eval(frame, ctx));
  return values;
}

}  // namespace

Value ScalarCall::eval(Frame& frame, ExecContext& ctx) const {
  std::vector<Value> values = evaluate(args_, frame, ctx);
  Value out;
  try {
    out = function_->call_at ? function_->call_at(values, eval::Clocks{ctx.statement_time, ctx.transaction_time})
                             : function_->call(values);
  } catch (const Error& e) {
    runtime::rethrow_at(ctx, span(), e);
  }
  // A list a function built (range(), split(), ...) must fit in what the
  // budget has left, though nothing keeps it past this row.
  if (ctx.memory.budget != 0 && out.type() == Value::Type::list) {
    const std::size_t bytes = runtime::footprint(out);
    if (bytes > ctx.memory.budget - std::min(ctx.memory.held, ctx.memory.budget)) {
      const Error e = ctx.memory.exceeded();
      throw runtime::error_at(ctx, span(), e.kind(), e.message()).with_code(e.code());
    }
  }
  return out;
}

std::string ScalarCall::describe() const { return call_text(name_, args_); }

Value GraphCall::eval(Frame& frame, ExecContext& ctx) const {
  std::vector<Value> values = evaluate(args_, frame, ctx);
  const Value& v = values.at(0);
  const store::Graph& g = ctx.graph;
  if (kind_ == GraphFunctionKind::exists) return !v.is_null();
  if (v.is_null()) return Value();
  auto wrong = [&]() -> Value {
    if (fallback_) {
      try {
        return fallback_->call(values);
      } catch (const Error& e) {
        runtime::rethrow_at(ctx, span(), e);
      }
    }
    throw runtime::error_at(ctx, args_[0]->span(), ErrorKind::type_error,
                            name_ + "() cannot take a " + type_name(v.type()));
  };
  const NodeRef* node = v.get_if<NodeRef>();
  const RelationshipRef* rel = v.get_if<RelationshipRef>();
  const PathRef* path = v.get_if<PathRef>();
  if (kind_ == GraphFunctionKind::labels || kind_ == GraphFunctionKind::properties ||
      kind_ == GraphFunctionKind::keys) {
    runtime::check_not_deleted(ctx, span(), v);
  }
  switch (kind_) {
    case GraphFunctionKind::id:
      if (node) return static_cast<std::int64_t>(node->id);
      if (rel) return static_cast<std::int64_t>(rel->id);
      return wrong();
    case GraphFunctionKind::element_id:
      if (node) return element_id(*node);
      if (rel) return element_id(*rel);
      return wrong();
    case GraphFunctionKind::labels: {
      if (!node) return wrong();
      List labels;
      for (store::LabelId l : g.labels_of(node->id)) labels.emplace_back(g.labels().name(l));
      return labels;
    }
    case GraphFunctionKind::type:
      if (!rel) return wrong();
      return g.types().name(g.type_of(rel->id));
    case GraphFunctionKind::properties:
      if (node) return Value(g.node_properties(node->id));
      if (rel) return Value(g.relationship_properties(rel->id));
      return wrong();
    case GraphFunctionKind::keys: {
      if (!node && !rel) return wrong();
      List keys;
      for (const auto& [key, value] : node ? g.node_properties(node->id) : g.relationship_properties(rel->id)) {
        keys.emplace_back(key);
      }
      return keys;
    }
    case GraphFunctionKind::start_node:
      if (!rel) return wrong();
      return NodeRef{g.source(rel->id)};
    case GraphFunctionKind::end_node:
      if (!rel) return wrong();
      return NodeRef{g.target(rel->id)};
    case GraphFunctionKind::nodes: {
      if (!path) return wrong();
      List nodes;
      for (NodeRef n : path->nodes) nodes.emplace_back(n);
      return nodes;
    }
    case GraphFunctionKind::relationships: {
      if (!path) return wrong();
      List rels;
      for (RelationshipRef r : path->relationships) rels.emplace_back(r);
      return rels;
    }
    case GraphFunctionKind::length:
      if (path) return static_cast<std::int64_t>(path->relationships.size());
      return wrong();
    case GraphFunctionKind::exists: break;
  }
  return Value();
}

std::string GraphCall::describe() const { return call_text(name_, args_); }

}  // namespace ergo::expr
