// Parameters and list/map literals (see nodes.hpp).
#include "engine/expr/nodes.hpp"

namespace ergo::expr {

Value Parameter::eval(Frame&, ExecContext& ctx) const {
  auto it = ctx.params.find(name_);
  if (it == ctx.params.end()) {
    throw runtime::error_at(ctx, span(), ErrorKind::semantic_error, "missing parameter $" + name_);
  }
  return it->second;
}

Value ListLiteral::eval(Frame& frame, ExecContext& ctx) const {
  List items;
  items.reserve(items_.size());
  for (const ExprPtr& e : items_) items.push_back(e->eval(frame, ctx));
  return items;
}

std::string ListLiteral::describe() const {
  std::string out = "[";
  for (std::size_t i = 0; i < items_.size(); ++i) out += (i ? ", " : "") + items_[i]->describe();
  return out + "]";
}

Value MapLiteral::eval(Frame& frame, ExecContext& ctx) const {
  Map entries;
  entries.reserve(entries_.size());
  for (const auto& [key, e] : entries_) entries.emplace_back(key, e->eval(frame, ctx));
  return Value(std::move(entries));
}

std::string MapLiteral::describe() const {
  std::string out = "{";
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    out += (i ? ", " : "") + entries_[i].first + ": " + entries_[i].second->describe();
  }
  return out + "}";
}

}  // namespace ergo::expr
