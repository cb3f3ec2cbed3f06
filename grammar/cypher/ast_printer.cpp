// The S-expression dump of the syntax tree (see ast_printer.hpp). The format
// is what the golden files under tests/grammar/cypher_golden/ hold, so a
// change here is a change to every .expect file: keep it stable.
#include "grammar/cypher/ast_printer.hpp"

#include <boost/variant/apply_visitor.hpp>

#include <charconv>
#include <cstdio>

#include "grammar/cypher/lexer.hpp"

namespace ergo::cypher {
namespace {

// A name as written back: plain when it reads back as the same name, else
// in backticks.
std::string name_text(const std::string& name) {
  const char* p = name.data();
  const char* end = p + name.size();
  std::string scanned;
  bool quoted = false;
  bool plain = lexer::scan_name(p, end, scanned, quoted) && !quoted && p == end &&
               !lexer::equals_keyword(name, "NULL") && !lexer::equals_keyword(name, "TRUE") &&
               !lexer::equals_keyword(name, "FALSE");
  if (plain) return name;
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string string_text(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string float_text(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, end);
  if (s.find_first_of(".enia") == std::string::npos) s += ".0";
  return s;
}

class Printer {
 public:
  std::string out;

  void statement(const ast::Statement& s) {
    out += "(statement";
    if (s.mode == ast::QueryMode::Explain) out += " explain";
    if (s.mode == ast::QueryMode::Profile) out += " profile";
    if (s.query.unions.empty()) {
      clauses(s.query.first, 1);
    } else {
      out += "\n  (query";
      clauses(s.query.first, 2);
      out += ")";
      for (const ast::UnionPart& u : s.query.unions) {
        out += u.all ? "\n  (union-all" : "\n  (union";
        clauses(u.query, 2);
        out += ")";
      }
    }
    out += ")\n";
  }

  void expression(const ast::Expression& e) {
    boost::apply_visitor([this](const auto& node) { this->visit(node); }, e.get());
  }

 private:
  void clauses(const ast::SingleQuery& q, int indent) {
    for (const ast::Clause& c : q.clauses) {
      out += '\n';
      out.append(static_cast<std::size_t>(indent) * 2, ' ');
      boost::apply_visitor([this](const auto& clause) { this->visit_clause(clause); }, c.get());
    }
  }

  void space_expression(const ast::Expression& e) {
    out += ' ';
    expression(e);
  }

  void tagged(const char* tag, const ast::Expression& e) {
    out += " (";
    out += tag;
    space_expression(e);
    out += ')';
  }

  void optional_tagged(const char* tag, const std::optional<ast::Expression>& e) {
    if (e) tagged(tag, *e);
  }

  // ---------------------------------------------------------------- clauses

  void visit_clause(const ast::Match& m) {
    out += m.optional ? "(optional-match" : "(match";
    for (const ast::PatternPart& part : m.pattern) {
      out += ' ';
      pattern_part(part);
    }
    optional_tagged("where", m.where);
    out += ')';
  }

  void visit_clause(const ast::Unwind& u) {
    out += "(unwind";
    space_expression(u.list);
    out += " AS " + name_text(u.variable.name) + ")";
  }

  void visit_clause(const ast::With& w) {
    out += "(with";
    projection(w.projection);
    optional_tagged("where", w.where);
    out += ')';
  }

  void visit_clause(const ast::Return& r) {
    out += "(return";
    projection(r.projection);
    out += ')';
  }

  void visit_clause(const ast::Create& c) {
    out += "(create";
    for (const ast::PatternPart& part : c.pattern) {
      out += ' ';
      pattern_part(part);
    }
    out += ')';
  }

  void visit_clause(const ast::Merge& m) {
    out += "(merge ";
    pattern_part(m.pattern);
    for (const ast::MergeAction& a : m.actions) {
      out += a.trigger == ast::MergeTrigger::OnMatch ? " (on-match" : " (on-create";
      set_items(a.items);
      out += ')';
    }
    out += ')';
  }

  void visit_clause(const ast::Set& s) {
    out += "(set";
    set_items(s.items);
    out += ')';
  }

  void visit_clause(const ast::Delete& d) {
    out += d.detach ? "(detach-delete" : "(delete";
    for (const ast::Expression& e : d.targets) space_expression(e);
    out += ')';
  }

  void visit_clause(const ast::Remove& r) {
    out += "(remove";
    for (const ast::RemoveItem& item : r.items) {
      if (auto* labels = boost::get<ast::RemoveLabels>(&item)) {
        out += " (labels " + name_text(labels->variable.name);
        label_list(labels->labels);
        out += ')';
      } else {
        out += " (property ";
        visit(boost::get<ast::RemoveProperty>(item).target);
        out += ')';
      }
    }
    out += ')';
  }

  void visit_clause(const ast::Call& c) {
    out += "(call " + qualified(c.procedure);
    if (c.arguments) {
      out += " (args";
      for (const ast::Expression& e : *c.arguments) space_expression(e);
      out += ')';
    }
    if (c.yield_star) out += " (yield *)";
    if (!c.yields.empty()) {
      out += " (yield";
      for (const ast::YieldItem& y : c.yields) {
        out += ' ';
        if (y.alias) {
          out += "(" + name_text(y.field.name) + " AS " + name_text(y.alias->name) + ")";
        } else {
          out += name_text(y.field.name);
        }
      }
      out += ')';
    }
    optional_tagged("where", c.where);
    out += ')';
  }

  void set_items(const std::vector<ast::SetItem>& items) {
    for (const ast::SetItem& item : items) {
      out += ' ';
      if (auto* p = boost::get<ast::SetProperty>(&item)) {
        out += "(set-property ";
        visit(p->target);
        space_expression(p->value);
        out += ')';
      } else if (auto* v = boost::get<ast::SetProperties>(&item)) {
        out += "(set-properties " + name_text(v->variable.name) + (v->op == ast::SetOp::Merge ? " +=" : " =");
        space_expression(v->value);
        out += ')';
      } else {
        auto& l = boost::get<ast::SetLabels>(item);
        out += "(set-labels " + name_text(l.variable.name);
        label_list(l.labels);
        out += ')';
      }
    }
  }

  void projection(const ast::Projection& p) {
    if (p.distinct) out += " distinct";
    if (p.star) out += " *";
    for (const ast::ProjectionItem& item : p.items) {
      out += " (item";
      space_expression(item.expression);
      if (item.alias) out += " AS " + name_text(item.alias->name);
      out += ')';
    }
    if (!p.order_by.empty()) {
      out += " (order-by";
      for (const ast::SortItem& s : p.order_by) {
        out += s.direction == ast::SortDirection::Ascending ? " (asc" : " (desc";
        space_expression(s.expression);
        out += ')';
      }
      out += ')';
    }
    optional_tagged("skip", p.skip);
    optional_tagged("limit", p.limit);
  }

  // ---------------------------------------------------------------- patterns

  void pattern_part(const ast::PatternPart& part) {
    switch (part.selector) {
      case ast::PathSelector::None: out += "(path"; break;
      case ast::PathSelector::ShortestPath: out += "(shortest-path"; break;
      case ast::PathSelector::AllShortestPaths: out += "(all-shortest-paths"; break;
    }
    if (part.path_variable) out += " " + name_text(part.path_variable->name) + " =";
    element(part.element);
    out += ')';
  }

  void element(const ast::PatternElement& e) {
    out += ' ';
    node(e.start);
    for (const ast::PatternLink& link : e.links) {
      out += ' ';
      relationship(link.relationship);
      out += ' ';
      node(link.node);
    }
  }

  void label_list(const std::vector<ast::SchemaName>& labels) {
    if (labels.empty()) return;
    out += ' ';
    for (const ast::SchemaName& l : labels) out += ":" + name_text(l.name);
  }

  void node(const ast::NodePattern& n) {
    out += "(node";
    if (n.variable) out += " " + name_text(n.variable->name);
    label_list(n.labels);
    if (n.properties) space_expression(*n.properties);
    out += ')';
  }

  void relationship(const ast::RelationshipPattern& r) {
    out += "(rel ";
    switch (r.direction) {
      case ast::Direction::Outgoing: out += "->"; break;
      case ast::Direction::Incoming: out += "<-"; break;
      case ast::Direction::Undirected: out += "--"; break;
      case ast::Direction::Bidirectional: out += "<->"; break;
    }
    if (r.variable) out += " " + name_text(r.variable->name);
    if (!r.types.empty()) {
      out += ' ';
      for (std::size_t i = 0; i < r.types.size(); ++i) out += (i ? "|:" : ":") + name_text(r.types[i].name);
    }
    if (r.length) {
      out += " *";
      if (r.length->min || r.length->max) {
        if (r.length->min) out += std::to_string(*r.length->min);
        out += "..";
        if (r.length->max) out += std::to_string(*r.length->max);
      }
    }
    if (r.properties) space_expression(*r.properties);
    out += ')';
  }

  // ---------------------------------------------------------------- expressions

  template <typename T>
  void visit(const ast::x3::forward_ast<T>& boxed) {
    visit(boxed.get());
  }

  void visit(const ast::Literal& l) {
    std::visit(
        [this](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>) {
            out += "null";
          } else if constexpr (std::is_same_v<V, bool>) {
            out += v ? "true" : "false";
          } else if constexpr (std::is_same_v<V, std::int64_t>) {
            out += std::to_string(v);
          } else if constexpr (std::is_same_v<V, double>) {
            out += float_text(v);
          } else {
            out += string_text(v);
          }
        },
        l.value);
  }

  void visit(const ast::Parameter& p) {
    bool numbered = !p.name.empty() && p.name.find_first_not_of("0123456789") == std::string::npos;
    out += "$" + (numbered ? p.name : name_text(p.name));
  }
  void visit(const ast::Variable& v) { out += name_text(v.name); }

  void visit(const ast::ListLiteral& l) {
    out += "(list";
    for (const ast::Expression& e : l.items) space_expression(e);
    out += ')';
  }

  void visit(const ast::MapLiteral& m) {
    out += "(map";
    for (const ast::MapEntry& entry : m.entries) {
      out += " (" + name_text(entry.key.name);
      space_expression(entry.value);
      out += ')';
    }
    out += ')';
  }

  void visit(const ast::PropertyAccess& p) {
    out += "(. ";
    expression(p.subject);
    out += " " + name_text(p.key.name) + ")";
  }

  void visit(const ast::Subscript& s) {
    out += "(index ";
    expression(s.subject);
    space_expression(s.index);
    out += ')';
  }

  void visit(const ast::Slice& s) {
    out += "(slice ";
    expression(s.subject);
    if (s.from) space_expression(*s.from);
    else out += " _";
    if (s.to) space_expression(*s.to);
    else out += " _";
    out += ')';
  }

  void visit(const ast::LabelTest& l) {
    out += "(labels ";
    expression(l.subject);
    label_list(l.labels);
    out += ')';
  }

  void visit(const ast::Unary& u) {
    switch (u.op) {
      case ast::UnaryOp::Not: out += "(not "; break;
      case ast::UnaryOp::Plus: out += "(pos "; break;
      case ast::UnaryOp::Minus: out += "(neg "; break;
      case ast::UnaryOp::IsNull: out += "(is-null "; break;
      case ast::UnaryOp::IsNotNull: out += "(is-not-null "; break;
    }
    expression(u.operand);
    out += ')';
  }

  void visit(const ast::Logical& l) {
    out += "(";
    out += l.op == ast::LogicalOp::Or ? "or" : l.op == ast::LogicalOp::Xor ? "xor" : "and";
    for (const ast::Expression& e : l.operands) space_expression(e);
    out += ')';
  }

  void visit(const ast::Comparison& c) {
    if (c.links.size() == 1) {
      out += "(";
      out += ast::spelling(c.links[0].op);
      space_expression(c.first);
      space_expression(c.links[0].rhs);
      out += ')';
      return;
    }
    out += "(chain";
    space_expression(c.first);
    for (const ast::ComparisonLink& link : c.links) {
      out += ' ';
      out += ast::spelling(link.op);
      space_expression(link.rhs);
    }
    out += ')';
  }

  // Left-associative: the last operator is the outermost.
  void visit(const ast::Arithmetic& a) {
    for (auto it = a.links.rbegin(); it != a.links.rend(); ++it) {
      out += "(";
      out += ast::spelling(it->op);
      out += ' ';
    }
    expression(a.first);
    for (const ast::ArithmeticLink& link : a.links) {
      space_expression(link.rhs);
      out += ')';
    }
  }

  void visit(const ast::StringListPredicate& p) {
    switch (p.op) {
      case ast::StringListOp::StartsWith: out += "(starts-with"; break;
      case ast::StringListOp::EndsWith: out += "(ends-with"; break;
      case ast::StringListOp::Contains: out += "(contains"; break;
      case ast::StringListOp::In: out += "(in"; break;
      case ast::StringListOp::RegexMatch: out += "(=~"; break;
    }
    space_expression(p.lhs);
    space_expression(p.rhs);
    out += ')';
  }

  static std::string qualified(const ast::QualifiedName& q) {
    std::string s;
    for (std::size_t i = 0; i < q.parts.size(); ++i) s += (i ? "." : "") + name_text(q.parts[i]);
    return s;
  }

  void visit(const ast::FunctionCall& f) {
    out += "(fn " + qualified(f.name);
    if (f.distinct) out += " distinct";
    if (f.star) out += " *";
    for (const ast::Expression& e : f.arguments) space_expression(e);
    out += ')';
  }

  void visit(const ast::Case& c) {
    out += "(case";
    if (c.subject) space_expression(*c.subject);
    for (const ast::CaseAlternative& alt : c.alternatives) {
      out += " (when";
      space_expression(alt.when);
      space_expression(alt.then);
      out += ')';
    }
    optional_tagged("else", c.otherwise);
    out += ')';
  }

  void visit(const ast::ListComprehension& l) {
    out += "(list-comp " + name_text(l.variable.name) + " IN";
    space_expression(l.list);
    optional_tagged("where", l.where);
    optional_tagged("project", l.projection);
    out += ')';
  }

  void visit(const ast::Quantifier& q) {
    switch (q.kind) {
      case ast::QuantifierKind::All: out += "(all "; break;
      case ast::QuantifierKind::Any: out += "(any "; break;
      case ast::QuantifierKind::None: out += "(none "; break;
      case ast::QuantifierKind::Single: out += "(single "; break;
    }
    out += name_text(q.variable.name) + " IN";
    space_expression(q.list);
    optional_tagged("where", q.where);
    out += ')';
  }

  void visit(const ast::PatternComprehension& p) {
    out += "(pattern-comp";
    if (p.path_variable) out += " " + name_text(p.path_variable->name) + " =";
    element(p.pattern);
    optional_tagged("where", p.where);
    tagged("project", p.projection);
    out += ')';
  }

  void visit(const ast::PatternPredicate& p) {
    out += "(pattern";
    element(p.pattern);
    out += ')';
  }
};

}  // namespace

std::string print(const std::vector<ast::Statement>& statements) {
  Printer p;
  for (const ast::Statement& s : statements) p.statement(s);
  return std::move(p.out);
}

std::string print(const ast::Statement& statement) {
  Printer p;
  p.statement(statement);
  return std::move(p.out);
}

std::string print(const ast::Expression& expression) {
  Printer p;
  p.expression(expression);
  return std::move(p.out);
}

}  // namespace ergo::cypher
