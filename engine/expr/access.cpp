// Property access, subscripts, slices and label tests (see nodes.hpp).
#include <algorithm>

#include "engine/eval/comparison.hpp"
#include "engine/eval/temporal_fields.hpp"
#include "engine/expr/nodes.hpp"
#include "engine/runtime/lookup.hpp"

namespace ergo::expr {
namespace {

Value map_entry(const Map& m, const std::string& key) {
  auto it = std::lower_bound(m.begin(), m.end(), key, [](const auto& kv, const std::string& k) { return kv.first < k; });
  return it != m.end() && it->first == key ? it->second : Value();
}

// The id of property key `key`, through `hint` (see PropertyAccess) when
// given.
std::optional<store::KeyId> key_id(const store::Graph& g, const std::string& key, std::atomic<std::uint32_t>* hint) {
  const auto& keys = g.keys();
  if (hint) {
    const std::uint32_t h = hint->load(std::memory_order_relaxed);
    if (h != 0 && h - 1 < keys.size() && keys.name(static_cast<store::KeyId>(h - 1)) == key) {
      return static_cast<store::KeyId>(h - 1);
    }
  }
  auto k = keys.find(key);
  if (k && hint) hint->store(std::uint32_t{*k} + 1, std::memory_order_relaxed);
  return k;
}

Value property_of(const Value& subject, const std::string& key, ExecContext& ctx, Span span,
                  std::atomic<std::uint32_t>* hint = nullptr) {
  const store::Graph& g = ctx.graph;
  switch (subject.type()) {
    case Value::Type::null: return Value();
    case Value::Type::node: {
      runtime::check_not_deleted(ctx, span, subject);
      auto k = key_id(g, key, hint);
      return k ? g.node_property(subject.as_node().id, *k) : Value();
    }
    case Value::Type::relationship: {
      runtime::check_not_deleted(ctx, span, subject);
      auto k = key_id(g, key, hint);
      return k ? g.relationship_property(subject.as_relationship().id, *k) : Value();
    }
    case Value::Type::map: return map_entry(subject.as_map(), key);
    case Value::Type::date:
    case Value::Type::local_time:
    case Value::Type::time:
    case Value::Type::local_datetime:
    case Value::Type::datetime:
    case Value::Type::duration:
      try {
        return eval::temporal::field(subject, key);
      } catch (const Error& e) {
        runtime::rethrow_at(ctx, span, e);
      }
    default:
      throw runtime::error_at(ctx, span, ErrorKind::type_error,
                              std::string("cannot read property '") + key + "' of a " + type_name(subject.type()));
  }
}

// Cypher list indices count from the end when negative.
std::optional<std::size_t> list_index(std::int64_t i, std::size_t size) {
  if (i < 0) i += static_cast<std::int64_t>(size);
  if (i < 0 || i >= static_cast<std::int64_t>(size)) return std::nullopt;
  return static_cast<std::size_t>(i);
}

}  // namespace

Value PropertyAccess::eval(Frame& frame, ExecContext& ctx) const {
  return property_of(subject_->eval(frame, ctx), key_, ctx, span(), &key_hint_);
}

Value Subscript::eval(Frame& frame, ExecContext& ctx) const {
  Value subject = subject_->eval(frame, ctx);
  Value index = index_->eval(frame, ctx);
  if (subject.is_null() || index.is_null()) return Value();
  if (auto* list = subject.get_if<List>()) {
    if (!index.get_if<std::int64_t>()) {
      throw runtime::error_at(ctx, index_->span(), ErrorKind::type_error,
                              std::string("a list index must be an integer, got ") + type_name(index.type()));
    }
    auto i = list_index(index.as_int(), list->size());
    return i ? (*list)[*i] : Value();
  }
  if (subject.get_if<Map>() || subject.get_if<NodeRef>() || subject.get_if<RelationshipRef>()) {
    if (!index.get_if<std::string>()) {
      throw runtime::error_at(ctx, index_->span(), ErrorKind::type_error,
                              std::string("a map key must be a string, got ") + type_name(index.type()));
    }
    return property_of(subject, index.as_string(), ctx, span());
  }
  throw runtime::error_at(ctx, subject_->span(), ErrorKind::type_error,
                          std::string("cannot index into a ") + type_name(subject.type()));
}

Value Slice::eval(Frame& frame, ExecContext& ctx) const {
  Value subject = subject_->eval(frame, ctx);
  Value from = from_ ? from_->eval(frame, ctx) : Value(std::int64_t{0});
  if (subject.is_null()) return Value();
  const List* list = subject.get_if<List>();
  if (!list) {
    throw runtime::error_at(ctx, subject_->span(), ErrorKind::type_error,
                            std::string("cannot slice a ") + type_name(subject.type()));
  }
  auto size = static_cast<std::int64_t>(list->size());
  Value to = to_ ? to_->eval(frame, ctx) : Value(size);
  if (from.is_null() || to.is_null()) return Value();
  auto bound = [&](const Value& v, const ExprPtr& e) {
    if (!v.get_if<std::int64_t>()) {
      throw runtime::error_at(ctx, e ? e->span() : span(), ErrorKind::type_error,
                              std::string("a slice bound must be an integer, got ") + type_name(v.type()));
    }
    std::int64_t i = v.as_int();
    if (i < 0) i += size;
    return std::clamp<std::int64_t>(i, 0, size);
  };
  std::int64_t a = bound(from, from_), b = bound(to, to_);
  if (a >= b) return List{};
  return List(list->begin() + a, list->begin() + b);
}

std::string Slice::describe() const {
  return subject_->describe() + "[" + (from_ ? from_->describe() : "") + ".." + (to_ ? to_->describe() : "") + "]";
}

Value LabelTest::eval(Frame& frame, ExecContext& ctx) const {
  Value subject = subject_->eval(frame, ctx);
  if (subject.is_null()) return Value();
  if (!subject.get_if<NodeRef>()) {
    throw runtime::error_at(ctx, subject_->span(), ErrorKind::type_error,
                            std::string("a label test needs a node, got ") + type_name(subject.type()));
  }
  auto labels = runtime::find_labels(ctx.graph, labels_);
  return labels && runtime::has_all_labels(ctx.graph, subject.as_node().id, *labels);
}

std::string LabelTest::describe() const {
  std::string out = subject_->describe();
  for (const std::string& l : labels_) out += ":" + l;
  return out;
}

Value PropertiesMatch::eval(Frame& frame, ExecContext& ctx) const {
  Value subject = subject_->eval(frame, ctx);
  Value map = map_->eval(frame, ctx);
  if (subject.is_null()) return Value();
  if (!map.get_if<Map>()) {
    throw runtime::error_at(ctx, map_->span(), ErrorKind::type_error,
                            std::string("a pattern's properties must be a map, got ") + type_name(map.type()));
  }
  for (const auto& [key, value] : map.as_map()) {
    if (eval::equals(property_of(subject, key, ctx, span()), value) != eval::Ternary::true_value) return false;
  }
  return true;
}

}  // namespace ergo::expr
