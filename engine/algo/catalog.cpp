// The procedure catalog (see catalog.hpp).
#include "engine/algo/catalog.hpp"

#include <algorithm>

namespace ergo::algo {

const Procedure* ProcedureCatalog::find(std::string_view name) const {
  if (const Procedure* p = find_procedure(name)) return p;
  for (const auto& p : added_) {
    if (p->name == name) return p.get();
  }
  return nullptr;
}

std::vector<std::string> ProcedureCatalog::names() const {
  std::vector<std::string> names;
  for (const Procedure* p : all()) names.push_back(p->name);
  return names;
}

std::vector<const Procedure*> ProcedureCatalog::all() const {
  std::vector<const Procedure*> out;
  for (const Procedure& p : procedures()) out.push_back(&p);
  for (const auto& p : added_) out.push_back(p.get());
  std::sort(out.begin(), out.end(), [](const Procedure* a, const Procedure* b) { return a->name < b->name; });
  return out;
}

const ProcedureCatalog& built_in_catalog() {
  static const ProcedureCatalog none_added;
  return none_added;
}

std::vector<const Procedure*> listed_procedures(const CallContext& c) {
  return (c.catalog ? *c.catalog : built_in_catalog()).all();
}

void ProcedureCatalog::add(Procedure p) {
  if (find(p.name)) {
    throw Error(ErrorKind::semantic_error, "there is already a procedure '" + p.name + "'")
        .with_code("ProcedureAlreadyExists");
  }
  added_.push_back(std::make_shared<const Procedure>(std::move(p)));
}

}  // namespace ergo::algo
