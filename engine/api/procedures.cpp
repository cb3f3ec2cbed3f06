// Database::add_procedure: a program's own procedures, declared in Neo4j's
// form and run through the same CALL machinery as the built-in ones.
#include <exception>
#include <mutex>

#include "engine/algo/catalog.hpp"
#include "engine/api/database_impl.hpp"
#include "engine/api/held_locks.hpp"
#include "engine/value/diagnostic_error.hpp"
#include "ergo/database.hpp"

namespace ergo {
namespace {

// What CALL runs for an added procedure: arguments as the signature
// promises them (an integer for a FLOAT as a float), rows checked for width,
// the program's exceptions as ergo errors.
algo::Rows call_added(const algo::Procedure& p, const Procedure& code, const algo::Arguments& args) {
  std::vector<Value> values;
  for (std::size_t i = 0; i < p.arguments.size(); ++i) {
    const Value& v = args[i];
    values.push_back(p.arguments[i].type == algo::Type::number && v.get_if<std::int64_t>()
                         ? Value(static_cast<double>(v.as_int()))
                         : v);
  }
  std::vector<std::vector<Value>> rows;
  try {
    rows = code.call(values);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorKind::runtime_error, p.name + " failed: " + e.what()).with_code("ProcedureCallFailed");
  }
  for (const auto& row : rows) {
    if (row.size() != p.fields.size()) {
      throw Error(ErrorKind::runtime_error, p.name + " returned a row of " + std::to_string(row.size()) +
                                                " values; its signature has " + std::to_string(p.fields.size()) +
                                                " fields")
          .with_code("ProcedureCallFailed");
    }
  }
  return rows;
}

}  // namespace

void Database::add_procedure(std::string_view signature, std::shared_ptr<const Procedure> code) {
  if (!code) throw Error(ErrorKind::argument_error, "add_procedure: the procedure's code is null");
  algo::Procedure p;
  try {
    p = algo::parse_signature(signature);
  } catch (const algo::SignatureError& e) {
    text::SourceText source("<procedure signature>", std::string(signature));
    const auto at = static_cast<std::uint32_t>(e.offset);
    throw error_at(source, {at, at + 1}, ErrorKind::syntax_error,
                   e.message + "; a signature reads like ns.name(arg :: INTEGER?) :: (field :: STRING)")
        .with_code("InvalidProcedureSignature");
  }
  auto declared = std::make_shared<const algo::Procedure>(p);  // the signature, for the calls
  p.run = [code, declared](const algo::CallContext&, const algo::Arguments& args) {
    return call_added(*declared, *code, args);
  };
  if (detail::held_by_this_thread(impl_->versions.get())) {
    throw Error(ErrorKind::runtime_error, "add_procedure: this thread has a transaction open; commit or roll it back first")
        .with_code("TransactionOpen");
  }
  // Copy-on-write: queries running now keep the catalog they pinned. The
  // writer lock keeps two additions from racing.
  std::unique_lock lock(impl_->versions->writer());
  auto catalog = std::make_shared<algo::ProcedureCatalog>(*impl_->versions->procedures());
  catalog->add(std::move(p));
  impl_->versions->set_procedures(std::move(catalog));
}

}  // namespace ergo
