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

}  // namespace ergo::runtime
