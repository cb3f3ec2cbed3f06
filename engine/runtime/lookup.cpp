// Name → id resolution at run time (see lookup.hpp).
#include "engine/runtime/lookup.hpp"

#include <algorithm>

namespace ergo::runtime {

std::optional<std::vector<store::LabelId>> find_labels(const store::Graph& g, const std::vector<std::string>& labels) {
  std::vector<store::LabelId> ids;
  for (const std::string& l : labels) {
    auto id = g.labels().find(l);
    if (!id) return std::nullopt;
    ids.push_back(*id);
  }
  return ids;
}

TypeFilter find_types(const store::Graph& g, const std::vector<std::string>& types) {
  TypeFilter f;
  f.any = types.empty();
  for (const std::string& t : types) {
    auto id = g.types().find(t);
    // [:T|T] lists a type twice; each relationship still matches once.
    if (id && std::find(f.ids.begin(), f.ids.end(), *id) == f.ids.end()) f.ids.push_back(*id);
  }
  return f;
}

bool has_all_labels(const store::Graph& g, store::NodeId n, const std::vector<store::LabelId>& labels) {
  for (store::LabelId l : labels) {
    if (!g.has_label(n, l)) return false;
  }
  return true;
}

std::optional<store::NodeId> node_in(const Value& v) {
  if (v.is_null()) return std::nullopt;
  return v.as_node().id;
}

}  // namespace ergo::runtime
