// Binding CALL: the procedure by name (with a did-you-mean), the arguments
// against its signature — constant ones checked now, the rest when the call
// runs — and the YIELD fields as new variables (see binder_impl.hpp).
#include <set>

#include "engine/algo/procedure.hpp"
#include "engine/bind/binder_impl.hpp"
#include "grammar/text/suggest.hpp"

namespace ergo::bind {
namespace {

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

VarKind kind_of(algo::Type t) {
  switch (t) {
    case algo::Type::node: return VarKind::node;
    case algo::Type::relationship: return VarKind::relationship;
    case algo::Type::path: return VarKind::path;
    case algo::Type::any: return VarKind::value;
    default: return VarKind::scalar;
  }
}

// The value of an expression made only of literals, lists and maps.
std::optional<Value> constant_of(const ast::Expression& e) {
  if (auto* l = ast::get_if<ast::Literal>(e)) {
    return std::visit(
        [](const auto& x) -> Value {
          if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>) {
            return Value();
          } else {
            return Value(x);
          }
        },
        l->value);
  }
  if (auto* list = ast::get_if<ast::ListLiteral>(e)) {
    List items;
    for (const ast::Expression& item : list->items) {
      auto v = constant_of(item);
      if (!v) return std::nullopt;
      items.push_back(std::move(*v));
    }
    return Value(std::move(items));
  }
  if (auto* map = ast::get_if<ast::MapLiteral>(e); map && !map->subject) {
    Map entries;
    for (const ast::MapEntry& entry : map->entries) {
      auto v = constant_of(entry.value);
      if (!v) return std::nullopt;
      entries.emplace_back(entry.key.name, std::move(*v));
    }
    return Value(std::move(entries));
  }
  return std::nullopt;
}

std::string field_list(const algo::Procedure& p) {
  std::vector<std::string> names;
  for (const algo::Field& f : p.fields) names.push_back(f.name);
  return join(names, ", ");
}

}  // namespace

OperatorPtr Binder::call(const ast::Call& c, OperatorPtr input, Scope& scope, Columns* standalone) {
  const std::string name = join(c.procedure.parts, ".");
  const algo::ProcedureCatalog& catalog =
      this->input().procedures ? *this->input().procedures : algo::built_in_catalog();
  const algo::Procedure* p = catalog.find(name);
  if (!p) {
    const std::vector<std::string> names = catalog.names();
    std::optional<std::string> near;
    for (const std::string& candidate : names) {
      if (text::edit_distance(candidate, name) == 0) near = candidate;  // differs in letter case only
    }
    if (!near) near = text::closest_match(name, names);
    fail(c.procedure.span, ErrorKind::semantic_error, "ProcedureNotFound",
         "there is no procedure '" + name + "'" +
             (near ? ", did you mean '" + *near + "'?" : " (CALL ergo.procedures() lists them)"));
  }
  auto op = std::make_unique<plan::CallProcedure>(std::move(input), *p);
  op->catalog = &catalog;
  op->at = span(c.procedure.span);
  const std::size_t declared = p->arguments.size();

  if (c.arguments) {
    const std::vector<ast::Expression>& args = *c.arguments;
    if (args.size() > declared || args.size() < p->required_arguments()) {
      const std::size_t min = p->required_arguments();
      std::string expected = min == declared ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(declared);
      fail(args.size() > declared ? ast::span_of(args[declared]) : c.procedure.span, ErrorKind::syntax_error,
           "InvalidNumberOfArguments",
           name + " takes " + expected + (expected == "1" ? " argument" : " arguments") + ", got " +
               std::to_string(args.size()) + ": " + algo::signature(*p));
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
      op->arguments.push_back(expression(args[i], scope));
      check_call_argument(*p, i, args[i], scope);
    }
  } else {
    // `CALL ns.proc` (standalone only): each argument is the parameter of its name.
    for (const algo::Argument& a : p->arguments) {
      if (this->input().params.count(a.name)) {
        op->arguments.push_back(std::make_unique<expr::Parameter>(span(c.procedure.span), a.name));
      } else if (!a.default_value) {
        fail(c.procedure.span, ErrorKind::semantic_error, "MissingParameter",
             name + " without parentheses takes its arguments from parameters, and $" + a.name + " is missing");
      }
    }
  }
  for (std::size_t i = op->arguments.size(); i < declared; ++i) {
    op->arguments.push_back(std::make_unique<expr::Literal>(span(c.procedure.span), *p->arguments[i].default_value));
  }

  // YIELD: every field for a standalone call without one, else the named ones.
  std::vector<std::pair<std::size_t, std::string>> yields;  // field, variable
  if (c.yields.empty()) {
    if (!standalone && !p->fields.empty()) {
      fail(c.procedure.span, ErrorKind::syntax_error, "UnexpectedSyntax",
           "a CALL inside a query needs YIELD to name the fields it uses (" + name + " yields " + field_list(*p) + ")");
    }
    for (std::size_t f = 0; f < p->fields.size(); ++f) yields.emplace_back(f, p->fields[f].name);
  } else {
    std::set<std::string> seen;
    for (const ast::YieldItem& item : c.yields) {
      auto f = p->field_index(item.field.name);
      if (!f) {
        std::vector<std::string> names;
        for (const algo::Field& field : p->fields) names.push_back(field.name);
        auto near = text::closest_match(item.field.name, names);
        fail(item.field.span, ErrorKind::syntax_error, "UndefinedVariable",
             name + " has no field '" + item.field.name + "'" + (near ? ", did you mean '" + *near + "'?" : "") +
                 " (it yields " + field_list(*p) + ")");
      }
      const std::string& var = item.alias ? item.alias->name : item.field.name;
      ast::Span at = item.alias ? item.alias->span : item.field.span;
      if (scope.find(var) || !seen.insert(var).second) {
        fail(at, ErrorKind::syntax_error, "VariableAlreadyBound", "variable '" + var + "' is already defined");
      }
      yields.emplace_back(*f, var);
    }
  }
  for (const auto& [field, var] : yields) {
    std::size_t slot = new_slot();
    scope.add({var, slot, kind_of(p->fields[field].type)});
    op->yields.push_back({field, slot, var});
    if (standalone) {
      standalone->names.push_back(var);
      standalone->slots.push_back(slot);
    }
  }
  op->void_passes_row = p->fields.empty() && !standalone;
  OperatorPtr out = std::move(op);
  if (c.where) out = std::make_unique<plan::Filter>(std::move(out), predicate(*c.where, scope));
  return out;
}

// What can be known about argument i before the query runs: a constant's
// type and config keys, the keys of a config map written out, and whether a
// variable can hold the node a NODE argument needs.
void Binder::check_call_argument(const algo::Procedure& p, std::size_t i, const ast::Expression& arg,
                                 const Scope& scope) {
  auto report = [&](const algo::ArgumentError& e) {
    ast::Span at = ast::span_of(arg);
    if (auto* map = ast::get_if<ast::MapLiteral>(arg); map && !map->subject && !e.key.empty()) {
      for (const ast::MapEntry& entry : map->entries) {
        if (entry.key.name == e.key) at = e.kind() == ErrorKind::type_error ? ast::span_of(entry.value) : entry.key.span;
      }
    }
    // A type known wrong before running is a compile-time error, as for functions.
    fail(at, e.kind() == ErrorKind::type_error ? ErrorKind::syntax_error : e.kind(), e.code().c_str(), e.message());
  };
  try {
    if (auto value = constant_of(arg)) {
      algo::check_argument(p, i, *value);
    } else if (auto* map = ast::get_if<ast::MapLiteral>(arg);
               map && !map->subject && p.arguments[i].type == algo::Type::map) {
      for (const ast::MapEntry& entry : map->entries) {
        auto value = constant_of(entry.value);
        if (!p.options.empty()) algo::check_option(p, i, entry.key.name, value ? &*value : nullptr);
      }
    }
  } catch (const algo::ArgumentError& e) {
    report(e);
  }
  if (p.arguments[i].type == algo::Type::node) {
    if (auto* v = ast::get_if<ast::Variable>(arg)) {
      const Variable* var = scope.find(v->name);
      if (var && var->kind != VarKind::node && var->kind != VarKind::value) {
        fail(v->span, ErrorKind::syntax_error, "InvalidArgumentType",
             p.name + ": " + p.arguments[i].name + " must be NODE, and '" + v->name + "' is not a node");
      }
    }
  }
}

}  // namespace ergo::bind
