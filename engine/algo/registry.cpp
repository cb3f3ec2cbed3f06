// The registry of procedures (see procedure.hpp): every family's procedures
// plus ergo.procedures(), which lists them all.
#include <algorithm>

#include "engine/algo/catalog.hpp"
#include "engine/algo/families.hpp"

namespace ergo::algo {
namespace {

Procedure procedures_procedure() {
  Procedure p;
  p.name = "ergo.procedures";
  p.description = "Lists every procedure with its signature and what it does.";
  p.fields = {{"name", Type::string}, {"signature", Type::string}, {"description", Type::string}};
  p.run = [](const CallContext& c, const Arguments&) {
    Rows rows;
    for (const Procedure* q : listed_procedures(c)) {
      rows.push_back({Value(q->name), Value(signature(*q)), Value(q->description)});
    }
    return rows;
  };
  return p;
}

std::vector<Procedure> all_procedures() {
  std::vector<Procedure> all;
  for (auto family : {path_procedures, khop_procedures, component_procedures, centrality_procedures,
                      triangle_procedures, find_procedures, evidence_procedures, database_procedures}) {
    for (Procedure& p : family()) all.push_back(std::move(p));
  }
  all.push_back(procedures_procedure());
  std::sort(all.begin(), all.end(), [](const Procedure& a, const Procedure& b) { return a.name < b.name; });
  return all;
}

}  // namespace

const std::vector<Procedure>& procedures() {
  static const std::vector<Procedure> all = all_procedures();
  return all;
}

const Procedure* find_procedure(std::string_view name) {
  for (const Procedure& p : procedures()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::vector<std::string> procedure_names() {
  std::vector<std::string> names;
  for (const Procedure& p : procedures()) names.push_back(p.name);
  return names;
}

}  // namespace ergo::algo
