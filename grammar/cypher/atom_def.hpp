// Private to the Cypher parser: definitions of the atom rules. The
// alternatives of '(' (pattern predicate, parenthesized expression) and '['
// (list comprehension, pattern comprehension, list literal) are tried in
// order; the atom memo keeps that linear.
#pragma once

#include "grammar/cypher/ast_adapted.hpp"
#include "grammar/cypher/atom.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/pattern.hpp"
#include "grammar/cypher/statement.hpp"
#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/literals.hpp"

namespace ergo::cypher::parser {

// What `reduce(acc = init, x IN list | projection)` reads, in its order;
// reduce_expression turns it into the ListComprehension that holds it.
struct ReduceParts {
  ast::Variable accumulator;
  ast::Expression init;
  ast::Variable variable;
  ast::Expression list;
  ast::Expression projection;
};

// What `subject {entries}` reads; map_projection turns it into the MapLiteral
// that holds it.
struct ProjectionParts {
  ast::Variable subject;
  std::vector<ast::MapEntry> entries;
};

// The variable of a map projection: a variable followed by '{' (left for the
// next parser). COUNT and COLLECT before '{' are subqueries, never projected
// variables (EXISTS is reserved). Where there is no variable it records
// what the variable atom later in the same place records.
struct ProjectionSubjectParser : x3::parser<ProjectionSubjectParser> {
  using attribute_type = ast::Variable;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    Iterator p = first;
    ast::Variable v;
    if (!variable_name.parse(p, last, context, rcontext, v)) return false;
    const char* next = lexer::skip_space(p, last);
    if (next == last || *next != '{') return false;
    const bool quoted = state_of(context).begin[v.span.begin] == '`';
    if (!quoted && (lexer::equals_keyword(v.name, "COUNT") || lexer::equals_keyword(v.name, "COLLECT"))) return false;
    first = p;
    assign_to(std::move(v), attr);
    return true;
  }
};

inline constexpr ProjectionSubjectParser projection_subject{};

// `pattern [WHERE condition]` in a subquery's braces: read as the MATCH it means.
struct SubqueryMatch {
  std::vector<ast::PatternPart> pattern;
  std::optional<ast::Expression> where;
};

}  // namespace ergo::cypher::parser

BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::parser::SubqueryMatch, pattern, where)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::parser::ReduceParts, accumulator, init, variable, list, projection)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::parser::ProjectionParts, subject, entries)

namespace ergo::cypher::parser {

struct list_literal_class : annotate_span {};
struct map_entry_class : annotate_span {};
struct map_literal_class : annotate_span {};
struct all_properties_entry_class : annotate_span {};
struct property_entry_class : annotate_span {};
struct variable_entry_class : annotate_span {};
struct projection_entry_class {};
struct projection_parts_class {};
struct map_projection_class : annotate_span {};
struct case_alternative_class {};
struct case_expression_class : annotate_span {};
// count(*): a call of `count` with `star` set.
struct count_star_class {
  template <typename Iterator, typename Context>
  void on_success(Iterator const& first, Iterator const& last, ast::FunctionCall& call, Context const& context) const {
    ParseState& st = state_of(context);
    call.span = st.span(first, last);
    call.name.parts = {std::string(first, first + 5)};
    call.name.span = st.span(first, first + 5);
    call.star = true;
  }
};
struct list_comprehension_class : annotate_span {};
struct pattern_comprehension_class : annotate_span {};
struct quantifier_class : annotate_span {};
struct reduce_parts_class {};
struct reduce_expression_class : annotate_span {};
struct pattern_predicate_class : annotate_span {};
struct subquery_match_class {};
struct subquery_pattern_query_class : annotate_span {};
struct subquery_query_class {};
struct subquery_body_class {};
struct subquery_class : annotate_span {};
struct parenthesized_class {};
struct function_call_class : annotate_span {};
struct atom_class {};

inline constexpr x3::rule<list_literal_class, ast::ListLiteral> list_literal{"list"};
inline constexpr x3::rule<map_entry_class, ast::MapEntry> map_entry{"map entry"};
inline constexpr x3::rule<all_properties_entry_class, ast::MapEntry> all_properties_entry{"'.*'"};
inline constexpr x3::rule<property_entry_class, ast::MapEntry> property_entry{"property selector"};
inline constexpr x3::rule<variable_entry_class, ast::MapEntry> variable_entry{"variable selector"};
inline constexpr x3::rule<projection_entry_class, ast::MapEntry> projection_entry{"map projection entry"};
inline constexpr x3::rule<projection_parts_class, ProjectionParts> projection_parts{"map projection"};
inline constexpr x3::rule<map_projection_class, ast::MapLiteral> map_projection{"map projection"};
inline constexpr x3::rule<case_alternative_class, ast::CaseAlternative> case_alternative{"WHEN"};
inline constexpr x3::rule<case_expression_class, ast::Case> case_expression{"CASE"};
inline constexpr x3::rule<count_star_class, ast::FunctionCall> count_star{"count(*)"};
inline constexpr x3::rule<list_comprehension_class, ast::ListComprehension> list_comprehension{"list"};
inline constexpr x3::rule<pattern_comprehension_class, ast::PatternComprehension> pattern_comprehension{"list"};
inline constexpr x3::rule<quantifier_class, ast::Quantifier> quantifier{"quantifier"};
inline constexpr x3::rule<reduce_parts_class, ReduceParts> reduce_parts{"reduce"};
inline constexpr x3::rule<reduce_expression_class, ast::ListComprehension> reduce_expression{"reduce"};
inline constexpr x3::rule<pattern_predicate_class, ast::Subquery> pattern_predicate{"pattern"};
inline constexpr x3::rule<subquery_match_class, SubqueryMatch> subquery_match{"pattern"};
inline constexpr x3::rule<subquery_pattern_query_class, ast::Query> subquery_pattern_query{"pattern"};
inline constexpr x3::rule<subquery_query_class, ast::Query> subquery_query{"subquery"};
inline constexpr x3::rule<subquery_body_class, ast::Subquery> subquery_body{"subquery"};
inline constexpr x3::rule<subquery_class, ast::Subquery> subquery{"subquery"};
inline constexpr x3::rule<parenthesized_class, ast::Expression> parenthesized{"expression"};
inline constexpr x3::rule<function_call_class, ast::FunctionCall> function_call{"function call"};

inline constexpr auto comma = tok(",");

inline constexpr auto list_literal_def =
    tok("[") >> -(expression % comma) >> closing("]", "']' to close the list");

inline constexpr auto map_entry_def =
    schema_name("a property key") >> tok(":") >> labelled("a value after ':'")[expression];

inline constexpr auto map_literal_def = tok("{") >> -(map_entry % comma) >> closing("}", "'}' to close the map");

// Map projection: `n {.name, .*, since: d.year, d}`.
inline constexpr auto all_properties_entry_def =
    (tok(".") >> tok("*", 2))[([](auto& ctx) { x3::_val(ctx).kind = ast::MapEntryKind::AllProperties; })];

inline constexpr auto property_entry_def =
    (tok(".") >> schema_name("a property key after '.'"))[([](auto& ctx) {
      x3::_val(ctx).kind = ast::MapEntryKind::Property;
      x3::_val(ctx).key = std::move(x3::_attr(ctx));
    })];

inline constexpr auto variable_entry_def = variable_name[([](auto& ctx) {
  ast::MapEntry& entry = x3::_val(ctx);
  entry.kind = ast::MapEntryKind::Variable;
  entry.key.name = x3::_attr(ctx).name;
  entry.key.span = x3::_attr(ctx).span;
  entry.value = std::move(x3::_attr(ctx));
})];

inline constexpr auto projection_entry_def = all_properties_entry | property_entry | map_entry | variable_entry;

inline constexpr auto projection_parts_def =
    projection_subject >> tok("{") >> -(projection_entry % comma) >> closing("}", "'}' to close the map projection");

inline constexpr auto map_projection_def = projection_parts[([](auto& ctx) {
  ProjectionParts& parts = x3::_attr(ctx);
  ast::MapLiteral& out = x3::_val(ctx);
  out.subject = std::move(parts.subject);
  out.entries = std::move(parts.entries);
})];

inline constexpr auto case_alternative_def =
    kw("WHEN") >> labelled("a condition after 'WHEN'")[expression] >> kw("THEN", 2) >>
    labelled("an expression after 'THEN'")[expression];

inline constexpr auto case_expression_def = kw("CASE") >> -expression >> +case_alternative >>
                                            -(kw("ELSE") >> labelled("an expression after 'ELSE'")[expression]) >>
                                            kw("END", 2);

inline constexpr auto count_star_def = kw("COUNT") >> tok("(") >> tok("*") >> tok(")");

inline constexpr auto where_expression = kw("WHERE") >> labelled("an expression after 'WHERE'")[expression];

inline constexpr auto list_comprehension_def =
    tok("[") >> optional_variable >> kw("IN") >> labelled("an expression after 'IN'")[expression] >>
    -where_expression >> -(tok("|") >> labelled("an expression after '|'")[expression]) >>
    closing("]", "']' to close the list comprehension");

inline constexpr auto pattern_comprehension_def =
    tok("[") >> -path_assignment >> relationships_pattern >> -where_expression >> tok("|", 2) >>
    labelled("an expression after '|'")[expression] >> closing("]", "']' to close the pattern comprehension");

inline constexpr KeywordChoice<ast::QuantifierKind, 4> quantifier_kind{
    {},
    {{{"ALL", ast::QuantifierKind::All},
      {"ANY", ast::QuantifierKind::Any},
      {"NONE", ast::QuantifierKind::None},
      {"SINGLE", ast::QuantifierKind::Single}}},
    1};

inline constexpr auto quantifier_def = quantifier_kind >> tok("(") >> variable_name >> kw("IN") >>
                                       labelled("an expression after 'IN'")[expression] >> -where_expression >>
                                       closing(")", "')' to close the quantifier");

// reduce is not a reserved word: `reduce(` followed by `name =` is this,
// anything else goes on to the other atoms (and fails as a function call).
inline constexpr auto reduce_parts_def =
    kw("REDUCE") >> tok("(") >> variable_name >> tok("=") >> labelled("an initial value after '='")[expression] >>
    tok(",", 2) >> variable_named("a variable to iterate with") >> kw("IN", 2) >>
    labelled("an expression after 'IN'")[expression] >> tok("|", 2) >>
    labelled("an expression after '|'")[expression] >> closing(")", "')' to close reduce()");

inline constexpr auto to_comprehension = [](auto& ctx) {
  ReduceParts& parts = x3::_attr(ctx);
  ast::ListComprehension& out = x3::_val(ctx);
  out.variable = std::move(parts.variable);
  out.list = std::move(parts.list);
  out.projection = std::move(parts.projection);
  out.accumulator = ast::ReduceAccumulator{std::move(parts.accumulator), std::move(parts.init)};
};

inline constexpr auto reduce_expression_def = reduce_parts[to_comprehension];

inline constexpr auto pattern_predicate_def = relationships_pattern;

// EXISTS { ... }, COUNT { ... }, COLLECT { ... }. The keyword must be
// followed by '{': `exists(...)` and `count(...)` are functions.
inline constexpr KeywordChoice<ast::SubqueryKind, 3> subquery_kind{
    {},
    {{{"EXISTS", ast::SubqueryKind::Exists},
      {"COUNT", ast::SubqueryKind::Count},
      {"COLLECT", ast::SubqueryKind::Collect}}},
    0};

inline constexpr auto subquery_match_def =
    pattern >> -(kw("WHERE") >> labelled("an expression after 'WHERE'")[expression]);

inline constexpr auto subquery_pattern_query_def = subquery_match[([](auto& ctx) {
  SubqueryMatch& parts = x3::_attr(ctx);
  ast::Match match;
  match.pattern = std::move(parts.pattern);
  match.where = std::move(parts.where);
  if (!match.pattern.empty()) match.span = {match.pattern.front().span.begin, match.pattern.back().span.end};
  if (match.where) match.span.end = ast::span_of(*match.where).end;
  ast::Query& out = x3::_val(ctx);
  out.first.span = match.span;
  out.span = match.span;
  out.first.clauses.emplace_back(std::move(match));
})];

inline constexpr auto subquery_query_def = query | subquery_pattern_query;

inline constexpr auto subquery_body_def =
    (subquery_kind >> tok("{") >> nested[subquery_query] >>
     closing("}", "'}' to close the subquery"))[([](auto& ctx) {
      auto& attr = x3::_attr(ctx);
      ast::Subquery& out = x3::_val(ctx);
      out.kind = boost::fusion::at_c<0>(attr);
      out.query = std::make_shared<const ast::Query>(std::move(boost::fusion::at_c<1>(attr)));
    })];

inline constexpr auto subquery_def = subquery_body;

inline constexpr auto parenthesized_def =
    tok("(") >> expression >> closing(")", "')' to close the parenthesized expression");

inline constexpr auto function_call_def =
    function_name >> tok("(") >> x3::matches[kw("DISTINCT")] >> -(expression % comma) >>
    closing(")", "')' to close the function call");

inline auto const atom_def = labelled("an expression")[memo[
    number_literal | string_literal | parameter_token | keyword_literal | case_expression | count_star |
    reduce_expression | subquery | list_comprehension | pattern_comprehension | list_literal | map_literal | quantifier | pattern_predicate |
    parenthesized | function_call | map_projection | variable_name]];

BOOST_SPIRIT_DEFINE(list_literal, map_entry, map_literal, all_properties_entry, property_entry, variable_entry,
                    projection_entry, projection_parts, map_projection, case_alternative, case_expression, count_star,
                    list_comprehension, pattern_comprehension, quantifier, reduce_parts, reduce_expression,
                    pattern_predicate, subquery_match, subquery_pattern_query, subquery_query, subquery_body, subquery, parenthesized,
                    function_call, atom)

}  // namespace ergo::cypher::parser
