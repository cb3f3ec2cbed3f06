// Placing runtime errors in the query text (see context.hpp).
#include "engine/runtime/context.hpp"

#include "engine/value/diagnostic_error.hpp"

namespace ergo::runtime {

Error error_at(const ExecContext& ctx, Span span, ErrorKind kind, const std::string& message) {
  if (!ctx.source) return Error(kind, message);
  return ergo::error_at(*ctx.source, span, kind, message);
}

void rethrow_at(const ExecContext& ctx, Span span, const Error& e) {
  if (e.line() != 0 || !ctx.source) throw e;
  Error placed = error_at(ctx, span, e.kind(), e.message());
  throw placed.with_code(e.code());
}

Error ExecContext::timed_out() const {
  const auto ms = time_limit.count();
  const std::string limit = ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
  return Error(ErrorKind::runtime_error,
               "the statement ran past its time limit of " + limit +
                   " and was stopped; nothing it changed was kept (raise the limit with --timeout or :timeout, or "
                   "bound the query with LIMIT or a maximum path length)")
      .with_code("TimedOut");
}

void check_not_deleted(const ExecContext& ctx, Span span, const Value& v) {
  if (auto* n = v.get_if<NodeRef>(); n && !ctx.graph.node_exists(n->id)) {
    throw error_at(ctx, span, ErrorKind::runtime_error,
                   "node " + std::to_string(n->id) + " was deleted earlier in this query; read what you need before DELETE")
        .with_code("DeletedEntityAccess");
  }
  if (auto* r = v.get_if<RelationshipRef>(); r && !ctx.graph.relationship_exists(r->id)) {
    throw error_at(ctx, span, ErrorKind::runtime_error,
                   "relationship " + std::to_string(r->id) +
                       " was deleted earlier in this query; read what you need before DELETE")
        .with_code("DeletedEntityAccess");
  }
}

}  // namespace ergo::runtime
