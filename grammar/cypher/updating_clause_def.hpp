// Private to the Cypher parser: definitions of the updating clauses —
// CREATE, MERGE ... ON MATCH/ON CREATE SET, SET, [DETACH] DELETE, REMOVE.
// They parse into the AST so that the binder can say what it does not
// support; the grammar accepts them all.
#pragma once

#include "grammar/cypher/ast_adapted.hpp"
#include "grammar/cypher/clause.hpp"
#include "grammar/cypher/expression.hpp"
#include "grammar/cypher/pattern.hpp"
#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/literals.hpp"

namespace ergo::cypher::parser {

struct property_target_class {};
struct set_property_class : annotate_span {};
struct set_properties_class : annotate_span {};
struct set_labels_class : annotate_span {};
struct set_item_class {};
struct merge_action_class : annotate_span {};
struct remove_labels_class : annotate_span {};
struct remove_property_class : annotate_span {};
struct remove_item_class {};
struct create_clause_class : annotate_span {};
struct merge_clause_class : annotate_span {};
struct set_clause_class : annotate_span {};
struct delete_clause_class : annotate_span {};
struct remove_clause_class : annotate_span {};

inline constexpr x3::rule<property_target_class, ast::PropertyAccess> property_target{"a property"};
inline constexpr x3::rule<set_property_class, ast::SetProperty> set_property{"SET item"};
inline constexpr x3::rule<set_properties_class, ast::SetProperties> set_properties{"SET item"};
inline constexpr x3::rule<set_labels_class, ast::SetLabels> set_labels{"SET item"};
inline constexpr x3::rule<set_item_class, ast::SetItem> set_item{"SET item"};
inline constexpr x3::rule<merge_action_class, ast::MergeAction> merge_action{"ON MATCH / ON CREATE"};
inline constexpr x3::rule<remove_labels_class, ast::RemoveLabels> remove_labels{"REMOVE item"};
inline constexpr x3::rule<remove_property_class, ast::RemoveProperty> remove_property{"REMOVE item"};
inline constexpr x3::rule<remove_item_class, ast::RemoveItem> remove_item{"REMOVE item"};

inline constexpr auto comma = tok(",");

// `n.key` (an expression ending in a property lookup).
inline auto const property_target_def = postfix_expression[([](auto& ctx) {
  if (auto* access = ast::get_if<ast::PropertyAccess>(x3::_attr(ctx))) {
    x3::_val(ctx) = *access;
  } else {
    x3::_pass(ctx) = false;
  }
})];

inline constexpr auto set_property_def =
    property_target >> tok("=") >> labelled("an expression after '='")[expression];

inline constexpr TokenChoice<ast::SetOp, 2> set_op{{}, {{{"+=", ast::SetOp::Merge}, {"=", ast::SetOp::Assign}}}, 1};

inline constexpr auto set_properties_def =
    variable_name >> set_op >> labelled("an expression after '='")[expression];

inline constexpr auto set_labels_def = variable_name >> node_labels;

inline constexpr auto set_item_def =
    labelled("a property, variable or label to set")[set_property | set_properties | set_labels];

inline constexpr KeywordChoice<ast::MergeTrigger, 2> merge_trigger{
    {}, {{{"MATCH", ast::MergeTrigger::OnMatch}, {"CREATE", ast::MergeTrigger::OnCreate}}}, 2};

inline constexpr auto merge_action_def = kw("ON") >> merge_trigger >> kw("SET", 2) >> set_item % comma;

inline constexpr auto remove_labels_def = variable_name >> node_labels;

inline constexpr auto remove_property_def = property_target;

inline constexpr auto remove_item_def =
    labelled("a property or label to remove")[remove_labels | remove_property];

inline constexpr auto create_clause_def = kw("CREATE") >> labelled("a pattern after 'CREATE'")[pattern];

inline constexpr auto merge_clause_def =
    kw("MERGE") >> labelled("a pattern after 'MERGE'")[pattern_part] >> *merge_action;

inline constexpr auto set_clause_def = kw("SET") >> set_item % comma;

inline constexpr auto delete_clause_def = x3::matches[kw("DETACH")] >> kw("DELETE") >>
                                          labelled("an expression after 'DELETE'")[expression] % comma;

inline constexpr auto remove_clause_def = kw("REMOVE") >> remove_item % comma;

BOOST_SPIRIT_DEFINE(property_target, set_property, set_properties, set_labels, set_item, merge_action,
                    remove_labels, remove_property, remove_item, create_clause, merge_clause, set_clause,
                    delete_clause, remove_clause)

}  // namespace ergo::cypher::parser
