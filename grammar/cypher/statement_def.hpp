// Private to the Cypher parser: definitions of the statement rules, and of
// FOREACH, the one clause made of clauses. Clause order (RETURN last, WITH
// between updates and reads, only updates inside FOREACH, ...) is checked
// after parsing, in syntax_check.cpp, where the messages can say more.
#pragma once

#include "grammar/cypher/ast_adapted.hpp"
#include "grammar/cypher/clause.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/statement.hpp"
#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/literals.hpp"

namespace ergo::cypher::parser {

struct clause_class {};
struct foreach_clause_class : annotate_span {};
struct single_query_class : annotate_span {};
struct union_part_class : annotate_span {};
struct query_class : annotate_span {};
struct statement_class : annotate_span {};
struct statements_class {};

inline constexpr x3::rule<clause_class, ast::Clause> clause{"clause"};
inline constexpr x3::rule<foreach_clause_class, ast::Foreach> foreach_clause{"FOREACH"};
inline constexpr x3::rule<single_query_class, ast::SingleQuery> single_query{"query"};
inline constexpr x3::rule<union_part_class, ast::UnionPart> union_part{"UNION"};
inline constexpr x3::rule<statement_class, ast::Statement> statement{"statement"};

// Every clause, tried in this order; each begins with a keyword.
inline constexpr auto any_clause = match_clause | unwind_clause | with_clause | return_clause | create_clause |
                                   merge_clause | set_clause | delete_clause | remove_clause | call_subquery_clause |
                                   call_clause | load_csv_clause | foreach_clause;

// any_clause, trying only the clauses whose first keyword begins with the
// letter at hand, in the same order: every clause rule begins with a
// keyword, so the others would fail at it. Failing at twelve keywords, each
// with its clause built and destroyed, was a fifth of parsing a two-clause
// query. A recording parse (the second parse of a query that failed) tries
// them all, so that the message lists every clause expected there. A
// clause added to any_clause needs its letter here too: without it, it
// would still parse, but only on the second, recording try
// (CypherClause.EveryClauseFoundByItsFirstKeywordInAnyCase checks the first).
// `rule | x3::eps(false)` is one rule made an alternative, which parses
// into the clause variant as any_clause does.
struct ClauseByFirstLetter : x3::parser<ClauseByFirstLetter> {
  using attribute_type = ast::Clause;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    if (state_of(context).recording) return any_clause.parse(first, last, context, rcontext, attr);
    skip(first, last, context);
    if (first == last) return false;
    auto with = [&](auto const& clauses) { return clauses.parse(first, last, context, rcontext, attr); };
    switch (*first | 0x20) {  // ASCII lower case; keywords are ASCII
      case 'm': return with(match_clause | merge_clause);
      case 'o': return with(match_clause | x3::eps(false));
      case 'u': return with(unwind_clause | x3::eps(false));
      case 'w': return with(with_clause | x3::eps(false));
      case 'r': return with(return_clause | remove_clause);
      case 'c': return with(create_clause | call_subquery_clause | call_clause);
      case 's': return with(set_clause | call_clause);  // SHOW PROCEDURES and SHOW FUNCTIONS are CALL's
      case 'd': return with(delete_clause | x3::eps(false));
      case 'l': return with(load_csv_clause | x3::eps(false));
      case 'f': return with(foreach_clause | x3::eps(false));
      default: return false;
    }
  }
};

inline constexpr ClauseByFirstLetter clause_def{};

// `FOREACH (x IN list | clause ...)`. The body is any clauses here (the
// syntax check names a reading one); each nesting counts towards the depth
// limit, so a hostile FOREACH (... | FOREACH (... | ...)) cannot exhaust
// the stack.
inline constexpr auto foreach_clause_def =
    kw("FOREACH") >> tok("(", 2) >> variable_name >> kw("IN", 2) >> labelled("a list after 'IN'")[expression] >>
    tok("|", 2) >> labelled("an updating clause after '|'")[nested[+clause]] >>
    closing(")", "')' to close FOREACH");

inline constexpr auto single_query_def = +clause;

inline constexpr auto union_part_def =
    kw("UNION") >> x3::matches[kw("ALL")] >> labelled("a query after 'UNION'")[single_query];

inline constexpr auto query_def = single_query >> *union_part;

inline constexpr KeywordChoice<ast::QueryMode, 2> query_mode{
    {}, {{{"EXPLAIN", ast::QueryMode::Explain}, {"PROFILE", ast::QueryMode::Profile}}}, 0};

inline constexpr auto statement_def = (query_mode | x3::attr(ast::QueryMode::Run)) >> query;

inline constexpr auto statements_def = statement % tok(";") >> -tok(";");

BOOST_SPIRIT_DEFINE(clause, foreach_clause, single_query, union_part, query, statement, statements)

}  // namespace ergo::cypher::parser
