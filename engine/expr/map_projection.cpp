// Map projection (see nodes.hpp): `n {.name, .*, since: d.year, d}`.
#include <algorithm>

#include "engine/expr/nodes.hpp"
#include "engine/runtime/context.hpp"

namespace ergo::expr {
namespace {

// The properties a projection selects from: a node's, a relationship's or a
// map's entries (sorted by key).
Map properties_of(const Value& subject, ExecContext& ctx, Span span) {
  const store::Graph& g = ctx.graph;
  switch (subject.type()) {
    case Value::Type::node:
      runtime::check_not_deleted(ctx, span, subject);
      return g.node_properties(subject.as_node().id);
    case Value::Type::relationship:
      runtime::check_not_deleted(ctx, span, subject);
      return g.relationship_properties(subject.as_relationship().id);
    case Value::Type::map: return subject.as_map();
    default:
      throw runtime::error_at(ctx, span, ErrorKind::type_error,
                              std::string("a map projection needs a node, relationship or map, got ") +
                                  type_name(subject.type()));
  }
}

}  // namespace

Value MapProjection::eval(Frame& frame, ExecContext& ctx) const {
  Value subject = subject_->eval(frame, ctx);
  if (subject.is_null()) return Value();
  const Map properties = properties_of(subject, ctx, subject_->span());
  Map out;
  for (const Entry& e : entries_) {
    switch (e.kind) {
      case Kind::value: out.emplace_back(e.key, e.value->eval(frame, ctx)); break;
      case Kind::all_properties: out.insert(out.end(), properties.begin(), properties.end()); break;
      case Kind::property: {
        auto it = std::lower_bound(properties.begin(), properties.end(), e.key,
                                   [](const auto& kv, const std::string& k) { return kv.first < k; });
        out.emplace_back(e.key, it != properties.end() && it->first == e.key ? it->second : Value());
        break;
      }
    }
  }
  return Value(std::move(out));  // sorted; a repeated key keeps its last value
}

std::string MapProjection::describe() const {
  std::string out = subject_->describe() + " {";
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    out += i ? ", " : "";
    switch (e.kind) {
      case Kind::value: out += e.key + ": " + e.value->describe(); break;
      case Kind::property: out += "." + e.key; break;
      case Kind::all_properties: out += ".*"; break;
    }
  }
  return out + "}";
}

}  // namespace ergo::expr
