// The S-expression dump of the syntax tree (see ast_printer.hpp). The format
// is what the golden files under tests/grammar/cypher_golden/ hold, so a
// change here is a change to every .expect file: keep it stable.
#include "grammar/cypher/ast_printer.hpp"

#include <boost/variant/apply_visitor.hpp>

#include <charconv>
#include <cstdio>

#include "grammar/cypher/lexer.hpp"
#include "grammar/text/utf8.hpp"

namespace ergo::cypher {
namespace {

// A name as written back: plain when it reads back as the same name, else
// in backticks.
std::string name_text(const std::string& name) {
  const char* p = name.data();
  const char* end = p + name.size();
  std::string scanned;
  bool quoted = false;
  // A name that itself starts with a backtick (written ```a``) would read
  // as an unterminated quoted name: it is never plain.
  bool plain = !name.starts_with('`') && lexer::scan_name(p, end, scanned, quoted) && !quoted && p == end &&
               !lexer::equals_keyword(name, "NULL") && !lexer::equals_keyword(name, "TRUE") &&
               !lexer::equals_keyword(name, "FALSE");
  if (plain) return name;
  std::string out_ = "`";
  for (char c : name) {
    if (c == '`') out_ += '`';
    out_ += c;
  }
  return out_ + "`";
}

std::string string_text(const std::string& s) {
  std::string out_ = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out_ += buf;
        } else {
          out_ += c;
        }
    }
  }
  return out_ + "\"";
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
  std::string take() { return std::move(out_); }

  void statement(const ast::Statement& s) {
    out_ += "(statement";
    if (s.mode == ast::QueryMode::Explain) out_ += " explain";
    if (s.mode == ast::QueryMode::Profile) out_ += " profile";
    if (s.query.unions.empty()) {
      clauses(s.query.first, 1);
    } else {
      out_ += "\n  (query";
      clauses(s.query.first, 2);
      out_ += ")";
      for (const ast::UnionPart& u : s.query.unions) {
        out_ += u.all ? "\n  (union-all" : "\n  (union";
        clauses(u.query, 2);
        out_ += ")";
      }
    }
    out_ += ")\n";
  }

  void expression(const ast::Expression& e) {
    boost::apply_visitor([this](const auto& node) { this->visit(node); }, e.get());
  }

 private:
  std::string out_;

  void clauses(const ast::SingleQuery& q, int indent) {
    for (const ast::Clause& c : q.clauses) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(indent) * 2, ' ');
      boost::apply_visitor([this](const auto& clause) { this->visit_clause(clause); }, c.get());
    }
  }

  void space_expression(const ast::Expression& e) {
    out_ += ' ';
    expression(e);
  }

  void tagged(const char* tag, const ast::Expression& e) {
    out_ += " (";
    out_ += tag;
    space_expression(e);
    out_ += ')';
  }

  void optional_tagged(const char* tag, const std::optional<ast::Expression>& e) {
    if (e) tagged(tag, *e);
  }

  // ---------------------------------------------------------------- clauses

  void visit_clause(const ast::Match& m) {
    out_ += m.optional ? "(optional-match" : "(match";
    for (const ast::PatternPart& part : m.pattern) {
      out_ += ' ';
      pattern_part(part);
    }
    optional_tagged("where", m.where);
    out_ += ')';
  }

  void visit_clause(const ast::Unwind& u) {
    out_ += "(unwind";
    space_expression(u.list);
    out_ += " AS " + name_text(u.variable.name) + ")";
  }

  void visit_clause(const ast::With& w) {
    out_ += "(with";
    projection(w.projection);
    optional_tagged("where", w.where);
    out_ += ')';
  }

  void visit_clause(const ast::Return& r) {
    out_ += "(return";
    projection(r.projection);
    out_ += ')';
  }

  void visit_clause(const ast::Create& c) {
    out_ += "(create";
    for (const ast::PatternPart& part : c.pattern) {
      out_ += ' ';
      pattern_part(part);
    }
    out_ += ')';
  }

  void visit_clause(const ast::Merge& m) {
    out_ += "(merge ";
    pattern_part(m.pattern);
    for (const ast::MergeAction& a : m.actions) {
      out_ += a.trigger == ast::MergeTrigger::OnMatch ? " (on-match" : " (on-create";
      set_items(a.items);
      out_ += ')';
    }
    out_ += ')';
  }

  void visit_clause(const ast::Set& s) {
    out_ += "(set";
    set_items(s.items);
    out_ += ')';
  }

  void visit_clause(const ast::Delete& d) {
    out_ += d.detach ? "(detach-delete" : "(delete";
    for (const ast::Expression& e : d.targets) space_expression(e);
    out_ += ')';
  }

  void visit_clause(const ast::Remove& r) {
    out_ += "(remove";
    for (const ast::RemoveItem& item : r.items) {
      if (auto* labels = boost::get<ast::RemoveLabels>(&item)) {
        out_ += " (labels " + name_text(labels->variable.name);
        label_list(labels->labels);
        out_ += ')';
      } else {
        out_ += " (property ";
        visit(boost::get<ast::RemoveProperty>(item).target);
        out_ += ')';
      }
    }
    out_ += ')';
  }

  void visit_clause(const ast::x3::forward_ast<ast::Foreach>& boxed) {
    const ast::Foreach& f = boxed.get();
    out_ += "(foreach " + name_text(f.variable.name) + " IN";
    space_expression(f.list);
    for (const ast::Clause& c : f.clauses) {
      out_ += ' ';
      boost::apply_visitor([this](const auto& clause) { this->visit_clause(clause); }, c.get());
    }
    out_ += ')';
  }

  void visit_clause(const ast::LoadCsv& l) {
    out_ += l.headers ? "(load-csv-with-headers" : "(load-csv";
    space_expression(l.source);
    out_ += " AS " + name_text(l.variable.name);
    optional_tagged("terminator", l.field_terminator);
    out_ += ')';
  }

  void visit_clause(const ast::CallSubquery& c) {
    out_ += "(call-subquery";
    if (c.scope_clause) {
      out_ += " (import";
      if (c.import_all) out_ += " *";
      for (const ast::Variable& v : c.imports) out_ += " " + name_text(v.name);
      out_ += ')';
    }
    inline_clauses(c.query->first);
    for (const ast::UnionPart& u : c.query->unions) {
      out_ += u.all ? " (union-all" : " (union";
      inline_clauses(u.query);
      out_ += ')';
    }
    if (c.in_transactions) {
      out_ += " (in-transactions";
      if (c.batch_rows) space_expression(*c.batch_rows);
      out_ += ')';
    }
    out_ += ')';
  }

  void visit_clause(const ast::Call& c) {
    out_ += (c.show ? "(show " : "(call ") + qualified(c.procedure);
    if (c.arguments) {
      out_ += " (args";
      for (const ast::Expression& e : *c.arguments) space_expression(e);
      out_ += ')';
    }
    if (c.yield_star) out_ += " (yield *)";
    if (!c.yields.empty()) {
      out_ += " (yield";
      for (const ast::YieldItem& y : c.yields) {
        out_ += ' ';
        if (y.alias) {
          out_ += "(" + name_text(y.field.name) + " AS " + name_text(y.alias->name) + ")";
        } else {
          out_ += name_text(y.field.name);
        }
      }
      out_ += ')';
    }
    optional_tagged("where", c.where);
    out_ += ')';
  }

  void set_items(const std::vector<ast::SetItem>& items) {
    for (const ast::SetItem& item : items) {
      out_ += ' ';
      if (auto* p = boost::get<ast::SetProperty>(&item)) {
        out_ += "(set-property ";
        visit(p->target);
        space_expression(p->value);
        out_ += ')';
      } else if (auto* v = boost::get<ast::SetProperties>(&item)) {
        out_ += "(set-properties " + name_text(v->variable.name) + (v->op == ast::SetOp::Merge ? " +=" : " =");
        space_expression(v->value);
        out_ += ')';
      } else {
        auto& l = boost::get<ast::SetLabels>(item);
        out_ += "(set-labels " + name_text(l.variable.name);
        label_list(l.labels);
        out_ += ')';
      }
    }
  }

  void projection(const ast::Projection& p) {
    if (p.distinct) out_ += " distinct";
    if (p.star) out_ += " *";
    for (const ast::ProjectionItem& item : p.items) {
      out_ += " (item";
      space_expression(item.expression);
      if (item.alias) out_ += " AS " + name_text(item.alias->name);
      out_ += ')';
    }
    if (!p.order_by.empty()) {
      out_ += " (order-by";
      for (const ast::SortItem& s : p.order_by) {
        out_ += s.direction == ast::SortDirection::Ascending ? " (asc" : " (desc";
        space_expression(s.expression);
        out_ += ')';
      }
      out_ += ')';
    }
    optional_tagged("skip", p.skip);
    optional_tagged("limit", p.limit);
  }

  // ---------------------------------------------------------------- patterns

  void pattern_part(const ast::PatternPart& part) {
    switch (part.selector) {
      case ast::PathSelector::None: out_ += "(path"; break;
      case ast::PathSelector::ShortestPath: out_ += "(shortest-path"; break;
      case ast::PathSelector::AllShortestPaths: out_ += "(all-shortest-paths"; break;
    }
    if (part.path_variable) out_ += " " + name_text(part.path_variable->name) + " =";
    element(part.element);
    out_ += ')';
  }

  void element(const ast::PatternElement& e) {
    out_ += ' ';
    node(e.start);
    for (const ast::PatternLink& link : e.links) {
      out_ += ' ';
      relationship(link.relationship);
      out_ += ' ';
      node(link.node);
    }
  }

  void label_list(const std::vector<ast::SchemaName>& labels) {
    if (labels.empty()) return;
    out_ += ' ';
    for (const ast::SchemaName& l : labels) out_ += ":" + name_text(l.name);
  }

  void node(const ast::NodePattern& n) {
    out_ += "(node";
    if (n.variable) out_ += " " + name_text(n.variable->name);
    label_list(n.labels);
    if (n.properties) space_expression(*n.properties);
    out_ += ')';
  }

  void relationship(const ast::RelationshipPattern& r) {
    out_ += "(rel ";
    switch (r.direction) {
      case ast::Direction::Outgoing: out_ += "->"; break;
      case ast::Direction::Incoming: out_ += "<-"; break;
      case ast::Direction::Undirected: out_ += "--"; break;
      case ast::Direction::Bidirectional: out_ += "<->"; break;
    }
    if (r.variable) out_ += " " + name_text(r.variable->name);
    if (!r.types.empty()) {
      out_ += ' ';
      for (std::size_t i = 0; i < r.types.size(); ++i) out_ += (i ? "|:" : ":") + name_text(r.types[i].name);
    }
    if (r.length) {
      out_ += " *";
      if (r.length->min || r.length->max) {
        if (r.length->min) out_ += std::to_string(*r.length->min);
        out_ += "..";
        if (r.length->max) out_ += std::to_string(*r.length->max);
      }
    }
    if (r.properties) space_expression(*r.properties);
    out_ += ')';
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
            out_ += "null";
          } else if constexpr (std::is_same_v<V, bool>) {
            out_ += v ? "true" : "false";
          } else if constexpr (std::is_same_v<V, std::int64_t>) {
            out_ += std::to_string(v);
          } else if constexpr (std::is_same_v<V, double>) {
            out_ += float_text(v);
          } else {
            out_ += string_text(v);
          }
        },
        l.value);
  }

  void visit(const ast::Parameter& p) {
    bool numbered = !p.name.empty() && p.name.find_first_not_of("0123456789") == std::string::npos;
    out_ += "$" + (numbered ? p.name : name_text(p.name));
  }
  void visit(const ast::Variable& v) { out_ += name_text(v.name); }

  void visit(const ast::ListLiteral& l) {
    out_ += "(list";
    for (const ast::Expression& e : l.items) space_expression(e);
    out_ += ')';
  }

  void visit(const ast::MapLiteral& m) {
    out_ += m.subject ? "(projection " + name_text(m.subject->name) : std::string("(map");
    for (const ast::MapEntry& entry : m.entries) {
      switch (entry.kind) {
        case ast::MapEntryKind::Literal:
          out_ += " (" + name_text(entry.key.name);
          space_expression(entry.value);
          out_ += ')';
          break;
        case ast::MapEntryKind::Property: out_ += " ." + name_text(entry.key.name); break;
        case ast::MapEntryKind::AllProperties: out_ += " .*"; break;
        case ast::MapEntryKind::Variable: out_ += " (var " + name_text(entry.key.name) + ")"; break;
      }
    }
    out_ += ')';
  }

  void visit(const ast::PropertyAccess& p) {
    out_ += "(. ";
    expression(p.subject);
    out_ += " " + name_text(p.key.name) + ")";
  }

  void visit(const ast::Subscript& s) {
    out_ += "(index ";
    expression(s.subject);
    space_expression(s.index);
    out_ += ')';
  }

  void visit(const ast::Slice& s) {
    out_ += "(slice ";
    expression(s.subject);
    if (s.from) space_expression(*s.from);
    else out_ += " _";
    if (s.to) space_expression(*s.to);
    else out_ += " _";
    out_ += ')';
  }

  void visit(const ast::LabelTest& l) {
    out_ += "(labels ";
    expression(l.subject);
    label_list(l.labels);
    out_ += ')';
  }

  void visit(const ast::Unary& u) {
    switch (u.op) {
      case ast::UnaryOp::Not: out_ += "(not "; break;
      case ast::UnaryOp::Plus: out_ += "(pos "; break;
      case ast::UnaryOp::Minus: out_ += "(neg "; break;
      case ast::UnaryOp::IsNull: out_ += "(is-null "; break;
      case ast::UnaryOp::IsNotNull: out_ += "(is-not-null "; break;
    }
    expression(u.operand);
    out_ += ')';
  }

  void visit(const ast::Logical& l) {
    out_ += "(";
    out_ += l.op == ast::LogicalOp::Or ? "or" : l.op == ast::LogicalOp::Xor ? "xor" : "and";
    for (const ast::Expression& e : l.operands) space_expression(e);
    out_ += ')';
  }

  void visit(const ast::Comparison& c) {
    if (c.links.size() == 1) {
      out_ += "(";
      out_ += ast::spelling(c.links[0].op);
      space_expression(c.first);
      space_expression(c.links[0].rhs);
      out_ += ')';
      return;
    }
    out_ += "(chain";
    space_expression(c.first);
    for (const ast::ComparisonLink& link : c.links) {
      out_ += ' ';
      out_ += ast::spelling(link.op);
      space_expression(link.rhs);
    }
    out_ += ')';
  }

  // Left-associative: the last operator is the outermost.
  void visit(const ast::Arithmetic& a) {
    for (auto it = a.links.rbegin(); it != a.links.rend(); ++it) {
      out_ += "(";
      out_ += ast::spelling(it->op);
      out_ += ' ';
    }
    expression(a.first);
    for (const ast::ArithmeticLink& link : a.links) {
      space_expression(link.rhs);
      out_ += ')';
    }
  }

  void visit(const ast::StringListPredicate& p) {
    switch (p.op) {
      case ast::StringListOp::StartsWith: out_ += "(starts-with"; break;
      case ast::StringListOp::EndsWith: out_ += "(ends-with"; break;
      case ast::StringListOp::Contains: out_ += "(contains"; break;
      case ast::StringListOp::In: out_ += "(in"; break;
      case ast::StringListOp::RegexMatch: out_ += "(=~"; break;
    }
    space_expression(p.lhs);
    space_expression(p.rhs);
    out_ += ')';
  }

  static std::string qualified(const ast::QualifiedName& q) {
    std::string s;
    for (std::size_t i = 0; i < q.parts.size(); ++i) s += (i ? "." : "") + name_text(q.parts[i]);
    return s;
  }

  void visit(const ast::FunctionCall& f) {
    out_ += "(fn " + qualified(f.name);
    if (f.distinct) out_ += " distinct";
    if (f.star) out_ += " *";
    for (const ast::Expression& e : f.arguments) space_expression(e);
    out_ += ')';
  }

  void visit(const ast::Case& c) {
    out_ += "(case";
    if (c.subject) space_expression(*c.subject);
    for (const ast::CaseAlternative& alt : c.alternatives) {
      out_ += " (when";
      space_expression(alt.when);
      space_expression(alt.then);
      out_ += ')';
    }
    optional_tagged("else", c.otherwise);
    out_ += ')';
  }

  void visit(const ast::ListComprehension& l) {
    if (l.accumulator) {
      out_ += "(reduce " + name_text(l.accumulator->variable.name) + " =";
      space_expression(l.accumulator->init);
      out_ += ' ' + name_text(l.variable.name) + " IN";
      space_expression(l.list);
      optional_tagged("project", l.projection);
      out_ += ')';
      return;
    }
    out_ += "(list-comp " + name_text(l.variable.name) + " IN";
    space_expression(l.list);
    optional_tagged("where", l.where);
    optional_tagged("project", l.projection);
    out_ += ')';
  }

  void visit(const ast::Quantifier& q) {
    switch (q.kind) {
      case ast::QuantifierKind::All: out_ += "(all "; break;
      case ast::QuantifierKind::Any: out_ += "(any "; break;
      case ast::QuantifierKind::None: out_ += "(none "; break;
      case ast::QuantifierKind::Single: out_ += "(single "; break;
    }
    out_ += name_text(q.variable.name) + " IN";
    space_expression(q.list);
    optional_tagged("where", q.where);
    out_ += ')';
  }

  void visit(const ast::PatternComprehension& p) {
    out_ += "(pattern-comp";
    if (p.path_variable) out_ += " " + name_text(p.path_variable->name) + " =";
    element(p.pattern);
    optional_tagged("where", p.where);
    tagged("project", p.projection);
    out_ += ')';
  }

  void visit(const ast::Subquery& p) {
    if (p.kind == ast::SubqueryKind::Pattern || !p.query) {
      out_ += "(pattern";
      element(p.pattern);
      out_ += ')';
      return;
    }
    out_ += "(" + text::utf8::ascii_lower(ast::spelling(p.kind));
    const ast::Query& q = *p.query;
    inline_clauses(q.first);
    for (const ast::UnionPart& u : q.unions) {
      out_ += u.all ? " (union-all" : " (union";
      inline_clauses(u.query);
      out_ += ')';
    }
    out_ += ')';
  }

  // A subquery's clauses, on the line of the expression that holds them.
  void inline_clauses(const ast::SingleQuery& q) {
    for (const ast::Clause& c : q.clauses) {
      out_ += ' ';
      boost::apply_visitor([this](const auto& clause) { this->visit_clause(clause); }, c.get());
    }
  }
};

}  // namespace

std::string print(const std::vector<ast::Statement>& statements) {
  Printer p;
  for (const ast::Statement& s : statements) p.statement(s);
  return p.take();
}

std::string print(const ast::Statement& statement) {
  Printer p;
  p.statement(statement);
  return p.take();
}

std::string print(const ast::Expression& expression) {
  Printer p;
  p.expression(expression);
  return p.take();
}

}  // namespace ergo::cypher
