// ergo.find: the nodes whose name or one of whose aliases is the given text,
// ignoring letter case and Unicode normalization — the lookup :find and
// completion use, served by the name index. `{name: ...}` in a pattern stays
// exact, as openCypher says; this is how a query asks for the forgiving one.
#include "engine/algo/families.hpp"
#include "engine/algo/projection.hpp"

namespace ergo::algo {
namespace {

Rows find(const CallContext& c, const Arguments& a) {
  Rows rows;
  if (a[0].is_null()) return rows;
  for (NodeId n : c.graph.find_by_name(a[0].as_string())) rows.push_back({node_value(n)});
  return rows;
}

}  // namespace

std::vector<Procedure> find_procedures() {
  Procedure p;
  p.name = "ergo.find";
  p.description =
      "The nodes whose name or one of whose aliases is name, ignoring letter case and Unicode "
      "normalization (as :find does), by the name index: CALL ergo.find('마이크로소프트') YIELD node.";
  p.arguments = {{"name", Type::string, std::nullopt}};
  p.fields = {{"node", Type::node}};
  p.run = find;
  return {p};
}

}  // namespace ergo::algo
