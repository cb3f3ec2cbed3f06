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
  std::vector<std::string> all = procedure_names();
  for (const auto& p : added_) all.push_back(p->name);
  std::sort(all.begin(), all.end());
  return all;
}

void ProcedureCatalog::add(Procedure p) {
  if (find(p.name)) {
    throw Error(ErrorKind::semantic_error, "there is already a procedure '" + p.name + "'")
        .with_code("ProcedureAlreadyExists");
  }
  added_.push_back(std::make_unique<const Procedure>(std::move(p)));
}

}  // namespace ergo::algo
