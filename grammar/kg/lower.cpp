// Syntax tree → kg_document statements (see lower.hpp).
#include "grammar/kg/lower.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "grammar/kg/lexical.hpp"
#include "grammar/kg/literal.hpp"

namespace ergo::kg::detail {
namespace {

Span span_of(const ast::Located& node) { return {node.begin, node.end}; }

Span span_of(const ast::Name& name) {
  return boost::apply_visitor([](const auto& token) { return span_of(token); }, name);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Lowering {
 public:
  explicit Lowering(std::string_view text) : text_(text) {}

  Statement statement(const ast::Statement& s) {
    return boost::apply_visitor([this](const auto& node) { return this->lower(node); }, s);
  }

 private:
  std::string_view text_;

  std::string_view slice(Span span) const { return text_.substr(span.begin, span.end - span.begin); }

  [[noreturn]] static void fail(Span where, std::string message) {
    throw LineError{where.begin, where.end - where.begin, std::move(message)};
  }

  Name word(const ast::Word& w) const { return Name{std::string(slice(span_of(w))), span_of(w)}; }

  // An entity or document name: a bare word as written, or a quoted string
  // unquoted; never empty.
  Name name(const ast::Name& n) const {
    Span span = span_of(n);
    Name out{std::string(slice(span)), span};
    if (boost::get<ast::Quoted>(&n) != nullptr) out.text = unquote(text_, span);
    if (out.text.empty()) fail(span, "empty name: a name needs at least one character");
    return out;
  }

  // A label, relationship type or property key.
  Name identifier(const ast::Word& w, const char* what) const {
    Name out = word(w);
    if (!is_identifier(out.text)) {
      fail(out.span, "invalid " + std::string(what) + " '" + out.text +
                         "': use an ASCII letter or '_', then letters, digits or '_'");
    }
    return out;
  }

  Value value(const ast::Value& v) const {
    return boost::apply_visitor([this](const auto& node) { return this->lower_value(node); }, v);
  }

  Value lower_value(const ast::Quoted& q) const {
    Value out;
    out.span = span_of(q);
    out.data = unquote(text_, out.span);
    return out;
  }

  Value lower_value(const ast::Scalar& s) const {
    std::optional<Span> currency;
    if (s.currency) currency = span_of(*s.currency);
    std::optional<Span> extra;
    if (s.extra) extra = span_of(*s.extra);
    return scalar(text_, span_of(s.token), currency, extra);
  }

  Value lower_value(const ast::x3::forward_ast<ast::List>& l) const {
    Value out;
    out.span = span_of(l.get());
    List items;
    for (const ast::Value& element : l.get().elements) items.push_back(value(element));
    out.data = std::move(items);
    return out;
  }

  Value lower_value(const ast::x3::forward_ast<ast::Map>& m) const {
    Value out;
    out.span = span_of(m.get());
    out.data = map(m.get());
    return out;
  }

  Map map(const ast::Map& m) const {
    Map out;
    // A hashed set of the keys, not a scan of the ones before: a map of
    // 70,000 keys once took minutes here.
    std::unordered_set<std::string> keys;
    for (const ast::Property& p : m.properties) {
      Name key = identifier(p.key, "property key");
      if (!keys.insert(key.text).second) fail(key.span, "duplicate key '" + key.text + "': a map sets each key once");
      out.push_back(Property{std::move(key.text), value(p.value), span_of(p)});
    }
    return out;
  }

  Statement lower(const ast::Directive& d) const {
    Span keyword = span_of(d.keyword);
    std::string_view directive = slice(keyword).substr(1);
    if (directive != "source") {
      std::string message = "unknown directive '@" + std::string(directive) + "'";
      if (edit_distance(lowercase(directive), "source") <= 2) {
        message += " (did you mean '@source'?)";
      } else {
        message += " (the only directive is '@source')";
      }
      fail(keyword, std::move(message));
    }
    if (!d.argument) {
      std::uint32_t at = keyword.end;
      while (at < text_.size() && is_blank(text_[at])) ++at;
      fail({at, at}, "expected the document's name after '@source'");
    }
    return SourceDirective{name(*d.argument), span_of(d)};
  }

  Statement lower(const ast::NameStatement& s) const {
    Name subject = name(s.subject);
    if (const auto* decl = boost::get<ast::DeclTail>(&s.tail)) {
      EntityDecl out;
      out.name = std::move(subject);
      for (const ast::Word& label : decl->labels) out.labels.push_back(identifier(label, "label"));
      for (const ast::Name& alias : decl->aliases) out.aliases.push_back(name(alias));
      if (decl->properties) out.properties = map(*decl->properties);
      out.span = span_of(s);
      return out;
    }
    const auto& tail = boost::get<ast::FactTail>(s.tail);
    Fact out;
    out.subject = std::move(subject);
    out.type = identifier(tail.type, "relationship type");
    out.object = name(tail.object);
    if (tail.properties) out.properties = map(*tail.properties);
    if (tail.line) {
      out.line_span = span_of(*tail.line);
      out.line = line_number(text_, out.line_span);
    }
    out.span = span_of(s);
    return out;
  }
};

}  // namespace

Statement lower(const ast::Statement& statement, std::string_view text) {
  return Lowering(text).statement(statement);
}

}  // namespace ergo::kg::detail
