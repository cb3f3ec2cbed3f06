// The refusals of access_mode.hpp.
#include "engine/api/access_mode.hpp"

#include <cctype>
#include <string>

#include "engine/value/diagnostic_error.hpp"

namespace ergo::api {
namespace {

namespace ast = cypher::ast;

bool writes(const ast::Clause& c) {
  return boost::get<ast::Create>(&c) || boost::get<ast::Merge>(&c) || boost::get<ast::Set>(&c) ||
         boost::get<ast::Delete>(&c) || boost::get<ast::Remove>(&c) || ast::get_foreach(c);
}

// The first writing clause of `q`, or null.
const ast::Clause* first_write(const ast::SingleQuery& q) {
  for (const ast::Clause& c : q.clauses) {
    if (writes(c)) return &c;
  }
  return nullptr;
}

// The first writing clause of `statement` (the whole statement when none
// is found) and its keyword as written, upper-cased: DETACH DELETE says
// DETACH.
struct FirstWrite {
  text::Span span;
  std::string keyword;
};

FirstWrite first_write(const ast::Statement& statement, const text::SourceText& source) {
  const ast::Clause* clause = first_write(statement.query.first);
  for (const ast::UnionPart& u : statement.query.unions) {
    if (!clause) clause = first_write(u.query);
  }
  FirstWrite w{statement.span, "it"};
  if (clause) {
    w.span = ast::span_of(*clause);
    const std::string& text = source.text();
    std::size_t end = w.span.begin;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    w.keyword.clear();
    for (std::size_t i = w.span.begin; i < end; ++i) {
      w.keyword += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    }
  }
  return w;
}

}  // namespace

bool writes(const ast::Statement& statement) {
  if (first_write(statement.query.first)) return true;
  for (const ast::UnionPart& u : statement.query.unions) {
    if (first_write(u.query)) return true;
  }
  return false;
}

Error read_only_refusal(const ast::Statement& statement, const text::SourceText& source) {
  const FirstWrite w = first_write(statement, source);
  return error_at(source, w.span, ErrorKind::semantic_error,
                  "a read-only transaction cannot run " + w.keyword +
                      ", which changes the graph; commit or roll back and run it in a read-write transaction")
      .with_code("AccessMode");
}

Error read_only_database_refusal(const ast::Statement& statement, const text::SourceText& source,
                                 const std::string& directory) {
  const FirstWrite w = first_write(statement, source);
  return error_at(source, w.span, ErrorKind::semantic_error,
                  "the database '" + directory + "' was opened read-only, so it cannot run " + w.keyword +
                      ", which changes the graph; open it without --read-only (StorageOptions::read_only) once no "
                      "other process writes it")
      .with_code("AccessMode");
}

Error read_only_database_refusal(const char* what, const std::string& directory) {
  return Error(ErrorKind::semantic_error, "the database '" + directory + "' was opened read-only, so it cannot " +
                                              what + "; open it without --read-only (StorageOptions::read_only) once "
                                              "no other process writes it")
      .with_code("AccessMode");
}

Error transaction_open_refusal(const char* what) {
  return Error(ErrorKind::runtime_error, std::string("this thread has a transaction open on this database, so ") + what +
                                             " would wait for it forever; run the statement with the transaction's "
                                             "execute(), or commit or roll it back first")
      .with_code("TransactionOpen");
}

}  // namespace ergo::api
