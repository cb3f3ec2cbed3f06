// ergo::PreparedQuery and Database::prepare(): parse once and check once
// with a trial bind; then each execute() binds against the graph as it is
// and runs, through the same Database::Impl::run as Database::execute().
#include "ergo/prepared_query.hpp"

#include <mutex>
#include <optional>
#include <string_view>

#include "engine/api/database_impl.hpp"
#include "engine/bind/binder.hpp"
#include "grammar/cypher/parse_cypher.hpp"
#include "grammar/text/diagnostic.hpp"

namespace ergo {

struct PreparedQuery::Impl {
  std::weak_ptr<Database::Impl> database;  // not kept alive (see the header)
  cypher::ParseResult parsed;              // the source text and its statements
  std::vector<std::string> parameters;     // sorted
};

namespace {


// The binder stops at the first parameter missing from its input, naming it
// in the message (bind_expression.cpp); anything else is a real error.
std::optional<std::string> missing_parameter(const Error& e) {
  constexpr std::string_view prefix = "missing parameter $";
  if (e.code() != "ParameterMissing" || e.message().rfind(prefix, 0) != 0) return std::nullopt;
  return e.message().substr(prefix.size());
}

}  // namespace

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
  prepared->parsed = Database::Impl::parse(query, source_name);

  // Bind every statement once to report what binding rejects now rather
  // than at the first execute(). Parameters are not known yet: each one the
  // binder finds missing is added as null (binding only checks that they
  // exist) and the statement bound again, which also collects their names.
  Params seen;
  {
    std::shared_lock lock(impl_->state->mutex);
    for (const cypher::ast::Statement& statement : prepared->parsed.statements) {
      for (;;) {
        try {
          bind::bind(statement, bind::BindInput{prepared->parsed.source, impl_->state->graph, seen});
          break;
        } catch (const Error& e) {
          std::optional<std::string> name = missing_parameter(e);
          if (!name || !seen.emplace(*name, Value()).second) throw;
        }
      }
    }
  }
  for (const auto& [name, value] : seen) prepared->parameters.push_back(name);
  return PreparedQuery(std::move(prepared));
}

}  // namespace ergo
