// ergo::PreparedQuery: a query parsed and checked once, run many times with
// different parameters. Database::prepare() makes one; execute() runs it.
//
//   ergo::PreparedQuery q = db.prepare("MATCH (c {name: $name})<-[:INVESTS_IN]-(i) RETURN i.name");
//   for (const char* name : {"OpenAI", "Anthropic"}) q.execute({{"name", name}});
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ergo/params.hpp"
#include "ergo/result.hpp"

namespace ergo {

// What prepare() keeps: the syntax tree of the text, parsed and checked
// once (syntax and semantic errors are reported by prepare()). Each
// execute() binds it (resolves names, checks the parameters it uses are
// given, chooses a plan against the graph as it is then) and runs it;
// binding costs microseconds, parsing several times more (see
// docs/embedding.md for the measurements).
//
// Ownership: a PreparedQuery refers to the Database that prepared it
// without keeping it alive; copies share the same parsed query. It is
// immutable, so one PreparedQuery may be executed from many threads at
// once (the database's locking applies as for Database::execute()).
class PreparedQuery {
 public:
  // An empty query: valid() is false and execute() throws.
  PreparedQuery();

  // True when this came from Database::prepare().
  bool valid() const { return impl_ != nullptr; }

  // Runs the query with `params` (each $name in the text must be given;
  // extra entries are ignored) and returns the whole result (see
  // result.hpp). Throws ergo::Error: semantic_error with code
  // "ParameterMissing" when a parameter is missing; type_error,
  // argument_error or runtime_error while running, in which case nothing
  // the query changed is kept; runtime_error when the query is empty or
  // its Database has been destroyed.
  Result execute(const Params& params = {}) const;

  // The query text as given to prepare(). Empty for an empty query.
  const std::string& text() const;

  // The parameter names the query uses, without `$`, sorted, each once.
  const std::vector<std::string>& parameters() const;

 private:
  friend class Database;
  struct Impl;
  explicit PreparedQuery(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace ergo
