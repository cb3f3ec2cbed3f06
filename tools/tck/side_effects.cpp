// Parsing, measuring and printing TCK side effects (see side_effects.hpp).
#include "tools/tck/side_effects.hpp"

#include <charconv>
#include <set>
#include <utility>

namespace ergo::tck {
namespace {

struct Field {
  const char* key;
  std::size_t SideEffects::*member;
};

constexpr Field fields[] = {
    {"+nodes", &SideEffects::nodes_added},
    {"-nodes", &SideEffects::nodes_deleted},
    {"+relationships", &SideEffects::relationships_added},
    {"-relationships", &SideEffects::relationships_deleted},
    {"+labels", &SideEffects::labels_added},
    {"-labels", &SideEffects::labels_deleted},
    {"+properties", &SideEffects::properties_added},
    {"-properties", &SideEffects::properties_deleted},
};

std::pair<std::size_t, std::size_t> grow_shrink(std::size_t before, std::size_t after) {
  return after >= before ? std::pair<std::size_t, std::size_t>{after - before, 0}
                         : std::pair<std::size_t, std::size_t>{0, before - after};
}

}  // namespace

SideEffects parse_side_effects(const Table& table) {
  SideEffects out;
  std::set<std::string> seen;
  for (const auto& row : table) {
    if (row.size() != 2) throw SideEffectsError("a side effects row needs 2 cells, not " + std::to_string(row.size()));
    const Field* field = nullptr;
    for (const Field& f : fields) {
      if (row[0] == f.key) field = &f;
    }
    if (!field) throw SideEffectsError("unknown side effect '" + row[0] + "'");
    if (!seen.insert(row[0]).second) throw SideEffectsError("side effect '" + row[0] + "' listed twice");
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(row[1].data(), row[1].data() + row[1].size(), n);
    if (ec != std::errc() || end != row[1].data() + row[1].size()) {
      throw SideEffectsError("side effect '" + row[0] + "' has count '" + row[1] + "', not a whole number");
    }
    out.*(field->member) = n;
  }
  return out;
}

SideEffects diff_statistics(const ergo::GraphStatistics& before, const ergo::GraphStatistics& after) {
  SideEffects out;
  std::tie(out.nodes_added, out.nodes_deleted) = grow_shrink(before.nodes, after.nodes);
  std::tie(out.relationships_added, out.relationships_deleted) = grow_shrink(before.relationships, after.relationships);
  std::tie(out.labels_added, out.labels_deleted) = grow_shrink(before.labels, after.labels);
  std::tie(out.properties_added, out.properties_deleted) = grow_shrink(before.properties, after.properties);
  return out;
}

std::string render(const SideEffects& effects) {
  std::string out;
  for (const Field& f : fields) {
    std::size_t n = effects.*(f.member);
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::string(f.key) + " " + std::to_string(n);
  }
  return out.empty() ? "none" : out;
}

}  // namespace ergo::tck
