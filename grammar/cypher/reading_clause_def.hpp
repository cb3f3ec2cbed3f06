// Private to the Cypher parser: definitions of the reading and projecting
// clauses — [OPTIONAL] MATCH ... WHERE, UNWIND ... AS, CALL proc(...) YIELD
// ... WHERE, CALL [(...)] { ... } [IN TRANSACTIONS], LOAD CSV, WITH and RETURN with
// DISTINCT, *, aliases, ORDER BY, SKIP, LIMIT.
#pragma once

#include "grammar/cypher/ast_adapted.hpp"
#include "grammar/cypher/clause.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/pattern.hpp"
#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/literals.hpp"
#include "grammar/cypher/statement.hpp"

namespace ergo::cypher::parser {

// Everything after YIELD.
struct YieldPart {
  bool star = false;
  std::vector<ast::YieldItem> items;
  std::optional<ast::Expression> where;
};

// The `*` and items of a projection.
struct ProjectionItems {
  bool star = false;
  std::vector<ast::ProjectionItem> items;
};

struct where_clause_class {};
struct projection_item_class : annotate_span {};
struct projection_items_class {};
struct sort_item_class : annotate_span {};
struct order_by_class {};
struct projection_body_class {};
struct projection_class : annotate_span {};
struct yield_item_class : annotate_span {};
struct yield_part_class {};
struct call_arguments_class {};
struct match_clause_class : annotate_span {};
struct unwind_clause_class : annotate_span {};
struct call_body_class {};
// SHOW PROCEDURES and SHOW FUNCTIONS: the call of dbms.procedures() or
// dbms.functions() that each means, with the columns Neo4j shows unless
// YIELD names others.
template <bool Functions>
struct show_class {
  template <typename Iterator, typename Context>
  void on_success(Iterator const& first, Iterator const& last, ast::Call& call, Context const& context) const {
    ParseState& st = state_of(context);
    const ast::Span words = st.span(first, last);
    call.show = true;
    call.procedure.parts = {"dbms", Functions ? "functions" : "procedures"};
    call.procedure.span = words;
    call.arguments.emplace();
    if (!call.yield_star && call.yields.empty()) {
      static constexpr const char* procedure_columns[] = {"name", "description", "mode", "worksOnSystem"};
      static constexpr const char* function_columns[] = {"name", "category", "description"};
      auto add = [&](const char* field) {
        ast::YieldItem item;
        item.span = words;
        item.field.span = words;
        item.field.name = field;
        call.yields.push_back(std::move(item));
      };
      if (Functions) {
        for (const char* field : function_columns) add(field);
      } else {
        for (const char* field : procedure_columns) add(field);
      }
    }
  }
};
using show_procedures_class = show_class<false>;
using show_functions_class = show_class<true>;
struct call_clause_class : annotate_span {};

// `(a, b)` or `(*)` after CALL: what a subquery imports.
struct CallScope {
  bool all = false;
  std::vector<ast::Variable> variables;
};
// `IN TRANSACTIONS [OF n ROWS]`.
struct InTransactions {
  std::optional<ast::Expression> rows;
};
struct call_scope_class {};
struct in_transactions_class {};
struct call_subquery_body_class {};
struct call_subquery_clause_class : annotate_span {};
struct load_csv_clause_class : annotate_span {};
inline constexpr x3::rule<call_scope_class, CallScope> call_scope{"the variables to import"};
inline constexpr x3::rule<in_transactions_class, InTransactions> in_transactions{"IN TRANSACTIONS"};
inline constexpr x3::rule<call_subquery_body_class, ast::CallSubquery> call_subquery_body{"CALL { ... }"};
struct with_clause_class : annotate_span {};
struct return_clause_class : annotate_span {};

inline constexpr x3::rule<where_clause_class, ast::Expression> where_clause{"WHERE"};
inline constexpr x3::rule<projection_item_class, ast::ProjectionItem> projection_item{"projection item"};
inline constexpr x3::rule<projection_items_class, ProjectionItems> projection_items{"projection items"};
inline constexpr x3::rule<sort_item_class, ast::SortItem> sort_item{"sort item"};
inline constexpr x3::rule<order_by_class, std::vector<ast::SortItem>> order_by{"ORDER BY"};
inline constexpr x3::rule<projection_body_class, ast::Projection> projection_body{"projection"};
inline constexpr x3::rule<projection_class, ast::Projection> projection{"projection"};
inline constexpr x3::rule<yield_item_class, ast::YieldItem> yield_item{"YIELD item"};
inline constexpr x3::rule<yield_part_class, YieldPart> yield_part{"YIELD"};
inline constexpr x3::rule<call_arguments_class, std::vector<ast::Expression>> call_arguments{"arguments"};

inline constexpr x3::rule<call_body_class, ast::Call> call_body{"CALL"};
struct show_procedures_body_class {};
struct show_functions_body_class {};
inline constexpr x3::rule<show_procedures_body_class, ast::Call> show_procedures_body{"SHOW PROCEDURES"};
inline constexpr x3::rule<show_procedures_class, ast::Call> show_procedures{"SHOW PROCEDURES"};
inline constexpr x3::rule<show_functions_body_class, ast::Call> show_functions_body{"SHOW FUNCTIONS"};
inline constexpr x3::rule<show_functions_class, ast::Call> show_functions{"SHOW FUNCTIONS"};

inline constexpr auto comma = tok(",");

inline constexpr auto where_clause_def = kw("WHERE") >> labelled("an expression after 'WHERE'")[expression];

inline constexpr auto match_clause_def = x3::matches[kw("OPTIONAL")] >> kw("MATCH") >>
                                         labelled("a pattern after 'MATCH'")[pattern] >> -where_clause;

inline constexpr auto unwind_clause_def = kw("UNWIND") >> labelled("an expression after 'UNWIND'")[expression] >>
                                          kw("AS", 2) >> variable_named("a variable after 'AS'");

inline constexpr auto projection_item_def =
    expression >> -(kw("AS") >> variable_named("a variable after 'AS'"));

inline auto const projection_items_def =
    (tok("*") >> *(comma >> labelled("a projection item after ','")[projection_item]))[([](auto& ctx) {
      x3::_val(ctx).star = true;
      x3::_val(ctx).items = std::move(x3::_attr(ctx));
    })] |
    (projection_item % comma)[([](auto& ctx) { x3::_val(ctx).items = std::move(x3::_attr(ctx)); })];

inline constexpr KeywordChoice<ast::SortDirection, 4> sort_direction{
    {},
    {{{"ASCENDING", ast::SortDirection::Ascending},
      {"ASC", ast::SortDirection::Ascending},
      {"DESCENDING", ast::SortDirection::Descending},
      {"DESC", ast::SortDirection::Descending}}},
    0};

inline constexpr auto sort_item_def = expression >> (sort_direction | x3::attr(ast::SortDirection::Ascending));

inline constexpr auto order_by_def =
    kw("ORDER") >> kw("BY", 2) >> labelled("an expression after 'ORDER BY'")[sort_item] % comma;

inline auto const projection_body_def =
    (x3::matches[kw("DISTINCT")] >> labelled("an expression or '*'")[projection_items] >> -order_by >>
     -(kw("SKIP") >> labelled("an expression after 'SKIP'")[expression]) >>
     -(kw("LIMIT") >> labelled("an expression after 'LIMIT'")[expression]))[([](auto& ctx) {
      auto& attr = x3::_attr(ctx);
      ast::Projection& p = x3::_val(ctx);
      p.distinct = boost::fusion::at_c<0>(attr);
      ProjectionItems& items = boost::fusion::at_c<1>(attr);
      p.star = items.star;
      p.items = std::move(items.items);
      if (auto& order = boost::fusion::at_c<2>(attr)) p.order_by = std::move(*order);
      if (auto& skip = boost::fusion::at_c<3>(attr)) p.skip = std::move(*skip);
      if (auto& limit = boost::fusion::at_c<4>(attr)) p.limit = std::move(*limit);
    })];

// Rules whose definition has a semantic action get no on_success node, so
// the span is set by an action-free rule around them.
inline constexpr auto projection_def = projection_body;

inline constexpr auto with_clause_def = kw("WITH") >> projection >> -where_clause;

inline constexpr auto return_clause_def = kw("RETURN") >> projection;

inline constexpr auto yield_item_def =
    schema_name("a result field after 'YIELD'") >> -(kw("AS") >> variable_named("a variable after 'AS'"));

inline auto const yield_part_def =
    kw("YIELD") >> (tok("*")[([](auto& ctx) { x3::_val(ctx).star = true; })] |
                    ((yield_item % comma)[([](auto& ctx) { x3::_val(ctx).items = std::move(x3::_attr(ctx)); })] >>
                     -where_clause[([](auto& ctx) { x3::_val(ctx).where = std::move(x3::_attr(ctx)); })]));

inline constexpr auto call_arguments_def =
    tok("(") >> -(expression % comma) >> closing(")", "')' to close the procedure arguments");

inline auto const call_body_def =
    (kw("CALL") >> procedure_name >> -call_arguments >> -yield_part)[([](auto& ctx) {
      auto& attr = x3::_attr(ctx);
      ast::Call& call = x3::_val(ctx);
      call.procedure = std::move(boost::fusion::at_c<0>(attr));
      if (auto& args = boost::fusion::at_c<1>(attr)) call.arguments = std::move(*args);
      if (auto& yield = boost::fusion::at_c<2>(attr)) {
        call.yield_star = yield->star;
        call.yields = std::move(yield->items);
        call.where = std::move(yield->where);
      }
    })];

// What may follow SHOW PROCEDURES or SHOW FUNCTIONS: YIELD (with its
// WHERE), or a WHERE alone over the default columns.
inline auto const show_filter =
    -(yield_part[([](auto& ctx) {
        auto& yield = x3::_attr(ctx);
        ast::Call& call = x3::_val(ctx);
        call.yield_star = yield.star;
        call.yields = std::move(yield.items);
        call.where = std::move(yield.where);
      })] |
      where_clause[([](auto& ctx) { x3::_val(ctx).where = std::move(x3::_attr(ctx)); })]);

inline auto const show_procedures_body_def = kw("SHOW") >> (kw("PROCEDURES") | kw("PROCEDURE", 2)) >> show_filter;

// ergo's functions are all built in, so ALL and BUILT IN list the same.
inline auto const show_functions_body_def =
    kw("SHOW") >> -(kw("ALL") | (kw("BUILT") >> kw("IN", 2))) >> (kw("FUNCTIONS") | kw("FUNCTION", 2)) >>
    show_filter;

inline constexpr auto show_procedures_def = show_procedures_body;
inline constexpr auto show_functions_def = show_functions_body;

inline constexpr auto call_clause_def = call_body | show_procedures | show_functions;

inline auto const call_scope_def =
    tok("(") >>
    (tok("*")[([](auto& ctx) { x3::_val(ctx).all = true; })] |
     (variable_name % comma)[([](auto& ctx) { x3::_val(ctx).variables = std::move(x3::_attr(ctx)); })] | x3::eps) >>
    closing(")", "')' to close the variables the subquery imports");

inline auto const in_transactions_def =
    kw("IN") >> kw("TRANSACTIONS", 2) >>
    -(kw("OF") >> labelled("a number of rows after 'OF'")[expression][([](auto& ctx) {
        x3::_val(ctx).rows = std::move(x3::_attr(ctx));
      })] >>
      (kw("ROWS", 2) | kw("ROW", 2)));

// The subquery's braces hold a whole query, UNION included; each nesting
// counts towards the parser's depth limit.
inline auto const call_subquery_body_def =
    (kw("CALL") >> -call_scope >> tok("{") >> nested[query] >>
     closing("}", "'}' to close the CALL subquery") >> -in_transactions)[([](auto& ctx) {
      auto& attr = x3::_attr(ctx);
      ast::CallSubquery& call = x3::_val(ctx);
      if (auto& scope = boost::fusion::at_c<0>(attr)) {
        call.scope_clause = true;
        call.import_all = scope->all;
        call.imports = std::move(scope->variables);
      }
      call.query = std::make_shared<const ast::Query>(std::move(boost::fusion::at_c<1>(attr)));
      if (auto& in = boost::fusion::at_c<2>(attr)) {
        call.in_transactions = true;
        call.batch_rows = std::move(in->rows);
      }
    })];

inline constexpr auto call_subquery_clause_def = call_subquery_body;

inline constexpr auto load_csv_clause_def =
    kw("LOAD") >> kw("CSV", 2) >> x3::matches[kw("WITH") >> kw("HEADERS", 2)] >> kw("FROM", 2) >>
    labelled("the file's URL after 'FROM', like 'file:///people.csv'")[expression] >> kw("AS", 2) >>
    variable_named("a variable after 'AS'") >>
    -(kw("FIELDTERMINATOR") >> labelled("a one-character string after 'FIELDTERMINATOR'")[expression]);

BOOST_SPIRIT_DEFINE(where_clause, projection_item, projection_items, sort_item, order_by, projection_body,
                    projection, yield_item, yield_part, call_arguments, call_body, show_procedures_body, show_procedures, show_functions_body, show_functions, match_clause, unwind_clause, call_clause,
                    call_scope, in_transactions, call_subquery_body, call_subquery_clause, load_csv_clause, with_clause,
                    return_clause)

}  // namespace ergo::cypher::parser
