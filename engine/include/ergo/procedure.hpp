// Procedures a program adds to its database, for queries to CALL beside
// the built-in ones (docs/embedding.md): Database::add_procedure takes the
// signature in Neo4j's form and an object of a class derived from this one.
#pragma once

#include <vector>

#include "ergo/value.hpp"

namespace ergo {

class Procedure {
 public:
  virtual ~Procedure() = default;
  // One call: the arguments in the signature's order, checked against its
  // types (a FLOAT argument given an integer gets it as a float; null only
  // where the type ends in `?`). Returns the rows, each with one value per
  // output field in the signature's order (none for a VOID procedure).
  // May be called from several threads at once. An exception it throws
  // ends the query with ergo::Error (runtime_error, "ProcedureCallFailed").
  virtual std::vector<std::vector<Value>> call(const std::vector<Value>& arguments) const = 0;
};

}  // namespace ergo
