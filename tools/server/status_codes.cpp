#include "tools/server/status_codes.hpp"

namespace ergo::server {

std::string neo4j_status_code(const ergo::Error& error) {
  const std::string& code = error.code();
  switch (error.kind()) {
    case ergo::ErrorKind::syntax_error: return "Neo.ClientError.Statement.SyntaxError";
    case ergo::ErrorKind::semantic_error:
      if (code == "ParameterMissing") return "Neo.ClientError.Statement.ParameterMissing";
      if (code == "ProcedureNotFound") return "Neo.ClientError.Procedure.ProcedureNotFound";
      // A write in a read transaction (executeRead(), BEGIN with mode "r").
      if (code == "AccessMode") return "Neo.ClientError.Statement.AccessMode";
      return "Neo.ClientError.Statement.SemanticError";
    case ergo::ErrorKind::type_error: return "Neo.ClientError.Statement.TypeError";
    case ergo::ErrorKind::argument_error:
      if (code == "DivisionByZero") return "Neo.ClientError.Statement.ArithmeticError";
      return "Neo.ClientError.Statement.ArgumentError";
    case ergo::ErrorKind::runtime_error:
      // interrupt() (the server stopping) ends a query; Neo4j says this.
      if (code == "Cancelled") return "Neo.ClientError.Transaction.Terminated";
      // --timeout: Neo4j's code for a transaction past db.transaction.timeout.
      if (code == "TimedOut") return "Neo.ClientError.Transaction.TransactionTimedOut";
      // Neo4j 5 reports a node deleted with relationships left this way.
      if (code == "DeleteConnectedNode") return "Neo.ClientError.Schema.ConstraintValidationFailed";
      if (code == "TransactionMarkedAsFailed") return "Neo.ClientError.Transaction.TransactionMarkedAsFailed";
      if (code == "MemoryLimitExceeded") return "Neo.TransientError.General.MemoryPoolOutOfMemoryError";
      return "Neo.ClientError.Statement.ExecutionFailed";
    case ergo::ErrorKind::data_error:
    case ergo::ErrorKind::io_error: return "Neo.DatabaseError.General.UnknownError";
  }
  return "Neo.DatabaseError.General.UnknownError";
}

std::string failure_message(const ergo::Error& error) {
  std::string text = error.rendered().empty() ? error.message() : error.rendered();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace ergo::server
