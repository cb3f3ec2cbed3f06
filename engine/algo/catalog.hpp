// The procedures one database can call: the built-in ones (registry.cpp)
// and those its program added (Database::add_procedure), which may not
// take a built-in name. The database guards it with its graph lock.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/algo/procedure.hpp"

namespace ergo::algo {

class ProcedureCatalog {
 public:
  // The procedure called `name` (exact letter case), built-in or added.
  const Procedure* find(std::string_view name) const;
  // Every name, built-in and added, sorted.
  std::vector<std::string> names() const;
  // Every procedure, built-in and added, sorted by name.
  std::vector<const Procedure*> all() const;
  // Adds a procedure; throws ergo::Error (semantic_error,
  // "ProcedureAlreadyExists") when its name is taken. Pointers handed out
  // stay valid for the catalog's life.
  void add(Procedure p);

 private:
  // Shared, so a copy (Database::add_procedure copies the catalog and swaps it
  // in while queries read the old one) costs pointers, not procedures.
  std::vector<std::shared_ptr<const Procedure>> added_;
};

// The catalog of a database that added nothing: the built-in procedures.
const ProcedureCatalog& built_in_catalog();

// What ergo.procedures() and dbms.procedures() list for a call: the
// calling database's catalog, or the built-in procedures without one.
std::vector<const Procedure*> listed_procedures(const CallContext& c);

// A procedure's declaration in Neo4j's form, as Database::add_procedure
// takes it: `ns.name(arg :: INTEGER?, ...) :: (field :: STRING?, ...)`, or
// `:: VOID` for none. Types: ANY, BOOLEAN, INTEGER, FLOAT, NUMBER, STRING,
// MAP, NODE, RELATIONSHIP, PATH, LIST OF T (also LIST<T>), each with an
// optional `?` (it takes null). The result has no `run` yet.
struct SignatureError {
  std::size_t offset;
  std::string message;
};
Procedure parse_signature(std::string_view text);  // throws SignatureError

}  // namespace ergo::algo
