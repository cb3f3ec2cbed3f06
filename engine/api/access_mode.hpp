// Why a read-only transaction refuses a statement: the error that points
// at the statement's first writing clause.
#pragma once

#include <string>

#include "ergo/error.hpp"
#include "grammar/cypher/ast.hpp"
#include "grammar/text/source_text.hpp"

namespace ergo::api {

// Whether a clause of `statement` (outside subqueries) changes the graph.
// Database::execute() sends such a statement straight to the writer; one
// whose write is only found when it binds (CALL { CREATE … }) gets there too,
// a bind later.
bool writes(const cypher::ast::Statement& statement);

// semantic_error, code "AccessMode" (Neo4j's name for the same refusal),
// positioned at the first CREATE/MERGE/SET/DELETE/REMOVE of `statement`.
Error read_only_refusal(const cypher::ast::Statement& statement, const text::SourceText& source);

// The same refusal, code "AccessMode", for a database opened read-only
// (StorageOptions::read_only, ergo --read-only) kept in `directory`: the
// statement at its first writing clause (semantic_error), or a call that
// would change it, `what` ("load files", "checkpoint", ...).
Error read_only_database_refusal(const cypher::ast::Statement& statement, const text::SourceText& source,
                                 const std::string& directory);
Error read_only_database_refusal(const char* what, const std::string& directory);

// runtime_error, code "TransactionOpen": this thread holds an open
// transaction on the database and asked, outside it, for a change (or a
// begin()) that would wait for that very transaction to end.
Error transaction_open_refusal(const char* what);

}  // namespace ergo::api
