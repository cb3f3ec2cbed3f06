// Binding LOAD CSV (see binder_impl.hpp): the URL is an expression of the
// row, the field terminator a constant of one character, the row variable
// new.
#include "engine/bind/binder_impl.hpp"

namespace ergo::bind {

OperatorPtr Binder::load_csv(const ast::LoadCsv& l, OperatorPtr input, Scope& scope) {
  if (scope.find(l.variable.name)) {
    fail(l.variable.span, ErrorKind::syntax_error, "VariableAlreadyBound",
         "variable '" + l.variable.name + "' is already defined");
  }
  char delimiter = ',';
  if (l.field_terminator) {
    ExprPtr bound = expression(*l.field_terminator, Scope{});
    auto* literal = dynamic_cast<const expr::Literal*>(bound.get());
    const std::string* text = literal ? literal->value().get_if<std::string>() : nullptr;
    const bool one_byte = text && text->size() == 1 && static_cast<unsigned char>((*text)[0]) < 0x80;
    if (!one_byte || (*text)[0] == '"' || (*text)[0] == '\n' || (*text)[0] == '\r') {
      fail(ast::span_of(*l.field_terminator), ErrorKind::syntax_error, "InvalidArgumentValue",
           "FIELDTERMINATOR takes one character written as a string, like ';' or '\\t' (not a quote or a line "
           "end)");
    }
    delimiter = (*text)[0];
  }
  ExprPtr source = expression(l.source, scope);
  const std::size_t slot = new_slot();
  auto op = std::make_unique<plan::LoadCsv>(std::move(input), std::move(source), slot);
  op->headers = l.headers;
  op->delimiter = delimiter;
  op->at = span(l.span);
  scope.add({l.variable.name, slot, VarKind::scalar});  // a list or a map of strings
  reads_files = true;
  return op;
}

}  // namespace ergo::bind
