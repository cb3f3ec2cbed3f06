// ergo::PreparedQuery and Database::prepare(): parse once and check once
// with a trial bind; then each execute() binds against the graph as it is
// and runs, through the same Database::Impl::run as Database::execute().
#include "ergo/prepared_query.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <string_view>

#include "engine/api/database_impl.hpp"
#include "engine/api/held_locks.hpp"
#include "engine/bind/binder.hpp"
#include "grammar/cypher/parse_cypher.hpp"
#include "grammar/text/diagnostic.hpp"

namespace ergo {

struct PreparedQuery::Impl {
  std::weak_ptr<Database::Impl> database;  // not kept alive (see the header)
  cypher::ParseResult parsed;              // the source text and its statements
  std::vector<std::string> parameters;     // sorted
};


PreparedQuery::PreparedQuery() = default;

PreparedQuery::PreparedQuery(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result PreparedQuery::execute(const Params& params) const {
  if (!impl_) throw Error(ErrorKind::runtime_error, "this PreparedQuery is empty; make one with Database::prepare()");
  std::shared_ptr<Database::Impl> db = impl_->database.lock();
  if (!db) throw Error(ErrorKind::runtime_error, "the Database this query was prepared on has been destroyed");
  Result last;
  for (const cypher::ast::Statement& statement : impl_->parsed.statements) {
    last = db->run(statement, params, impl_->parsed.source);
  }
  return last;
}

const std::string& PreparedQuery::text() const {
  static const std::string none;
  return impl_ ? impl_->parsed.source->text() : none;
}

const std::vector<std::string>& PreparedQuery::parameters() const {
  static const std::vector<std::string> none;
  return impl_ ? impl_->parameters : none;
}

PreparedQuery Database::prepare(std::string_view query, std::string_view source_name) {
  auto prepared = std::make_shared<PreparedQuery::Impl>();
  prepared->database = impl_;
  prepared->parsed = impl_->parse(query, source_name);

  // Bind every statement once to report what binding rejects now rather
  // than at the first execute(); parameters have no values yet, so the
  // binder only collects their names.
  std::vector<std::string> names;
  {
    detail::ReadView view(*impl_->versions);
    const Params none;
    for (const cypher::ast::Statement& statement : prepared->parsed.statements) {
      bind::bind(statement, bind::BindInput{.source = prepared->parsed.source,
                                                .graph = view.graph(),
                                                .params = none,
                                                .parameters_seen = &names,
                                                .procedures = &view.procedures()});
    }
  }
  std::sort(names.begin(), names.end());
  prepared->parameters = std::move(names);
  return PreparedQuery(std::move(prepared));
}

}  // namespace ergo
