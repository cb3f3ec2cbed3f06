// Private to the Cypher parser: definitions of the pattern rules — nodes
// `(n:A {k: v})`, relationships `-[r:T|U *1..3 {k: v}]->` in all four
// directions, paths, `p = ...`, shortestPath()/allShortestPaths().
#pragma once

#include "grammar/cypher/ast_adapted.hpp"
#include "grammar/cypher/atom.hpp"
#include "grammar/cypher/pattern.hpp"
#include "grammar/cypher/directives.hpp"
#include "grammar/cypher/literals.hpp"

namespace ergo::cypher::parser {

// What is between the brackets of a relationship pattern.
struct RelationshipDetail {
  std::optional<ast::Variable> variable;
  std::vector<ast::SchemaName> types;
  std::optional<ast::VariableLength> length;
  std::optional<ast::Expression> properties;
};

// A pattern part without its `p =`.
struct AnonymousPatternPart {
  ast::PathSelector selector = ast::PathSelector::None;
  ast::PatternElement element;
};

}  // namespace ergo::cypher::parser

BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::parser::RelationshipDetail, variable, types, length, properties)
BOOST_FUSION_ADAPT_STRUCT(ergo::cypher::parser::AnonymousPatternPart, selector, element)

namespace ergo::cypher::parser {

// `*`, `*2`, `*1..3`, `*..5`, `*2..`
struct VariableLengthParser : x3::parser<VariableLengthParser> {
  using attribute_type = ast::VariableLength;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
             Attribute& attr) const {
    ParseState& st = state_of(context);
    const char* start = skip(first, last, context);
    if (start == last || *start != '*') {
      st.expect(start, {"*", ExpectKind::Token, 1});
      return false;
    }
    first = start + 1;
    ast::VariableLength length;
    std::int64_t bound = 0;
    bool has_min = integer_literal.parse(first, last, context, rcontext, bound);
    if (has_min) length.min = bound;
    const char* dots = skip(first, last, context);
    if (dots + 1 < last && dots[0] == '.' && dots[1] == '.') {
      first = dots + 2;
      if (integer_literal.parse(first, last, context, rcontext, bound)) length.max = bound;
    } else {
      st.expect(dots, {"..", ExpectKind::Token, 1});
      if (has_min) length.max = length.min;
    }
    length.span = st.span(start, first);
    assign_to(std::move(length), attr);
    return true;
  }
};

inline constexpr VariableLengthParser variable_length{};

struct node_pattern_class : annotate_span {};
struct properties_class {};
struct relationship_types_class {};
struct relationship_detail_body_class {};
struct relationship_detail_class {};
struct relationship_body_class {};
struct relationship_pattern_class : annotate_span {};
struct node_after_relationship_class {};
struct pattern_element_class : annotate_span {};
struct relationships_pattern_class : annotate_span {};
struct anonymous_pattern_part_class {};
struct pattern_part_body_class {};
struct pattern_part_class : annotate_span {};
struct pattern_class {};
struct node_labels_class {};

inline constexpr x3::rule<node_pattern_class, ast::NodePattern> node_pattern{"node pattern"};
inline constexpr x3::rule<properties_class, ast::Expression> properties{"properties"};
inline constexpr x3::rule<relationship_types_class, std::vector<ast::SchemaName>> relationship_types{"types"};
inline constexpr x3::rule<relationship_detail_body_class, RelationshipDetail> relationship_detail_body{
    "relationship"};
inline constexpr x3::rule<relationship_detail_class, RelationshipDetail> relationship_detail{"relationship"};
inline constexpr x3::rule<relationship_body_class, ast::RelationshipPattern> relationship_body{
    "relationship pattern"};
inline constexpr x3::rule<relationship_pattern_class, ast::RelationshipPattern> relationship_pattern{
    "relationship pattern"};
inline constexpr x3::rule<pattern_part_body_class, ast::PatternPart> pattern_part_body{"pattern"};
inline constexpr x3::rule<node_after_relationship_class, ast::NodePattern> node_after_relationship{
    "node pattern"};
inline constexpr x3::rule<pattern_element_class, ast::PatternElement> pattern_element{"pattern"};
inline constexpr x3::rule<anonymous_pattern_part_class, AnonymousPatternPart> anonymous_pattern_part{"pattern"};

inline constexpr auto node_labels_def = +(tok(":", 0) >> schema_name("a label after ':'"));

inline constexpr auto properties_def = map_literal | parameter_token;

inline constexpr auto node_pattern_def = tok("(") >> -optional_variable >> -node_labels >> -properties >>
                                         closing(")", "')' to close the node pattern");

inline constexpr auto relationship_types_def =
    tok(":", 0) >> schema_name("a relationship type after ':'") >>
    *(tok("|", 0) >> -tok(":", 0) >> schema_name("a relationship type after '|'"));

inline constexpr auto relationship_detail_body_def = -optional_variable >> -relationship_types >>
                                                     -variable_length >> -properties >>
                                                     closing("]", "']' to close the relationship pattern");

inline constexpr auto relationship_detail_def =
    tok("[") >> detail_scope("InvalidRelationshipPattern")[relationship_detail_body];

inline auto const relationship_body_def =
    (x3::matches[tok("<", 0)] >> tok("-", 0) >> -relationship_detail >> tok("-") >>
     x3::matches[tok(">", 0)])[([](auto& ctx) {
      auto& attr = x3::_attr(ctx);
      ast::RelationshipPattern& rel = x3::_val(ctx);
      bool left = boost::fusion::at_c<0>(attr);
      bool right = boost::fusion::at_c<2>(attr);
      rel.direction = left && right ? ast::Direction::Bidirectional
                      : left        ? ast::Direction::Incoming
                      : right       ? ast::Direction::Outgoing
                                    : ast::Direction::Undirected;
      if (auto& detail = boost::fusion::at_c<1>(attr)) {
        rel.variable = std::move(detail->variable);
        rel.types = std::move(detail->types);
        rel.length = std::move(detail->length);
        rel.properties = std::move(detail->properties);
      }
    })];

// Rules whose definition has a semantic action get no on_success node, so
// the span is set by an action-free rule around them.
inline constexpr auto relationship_pattern_def = relationship_body;

inline constexpr auto node_after_relationship_def =
    labelled("a node pattern '(...)' after the relationship")[node_pattern];

inline constexpr auto pattern_element_def =
    node_pattern >> *(relationship_pattern >> node_after_relationship);

inline constexpr auto relationships_pattern_def =
    node_pattern >> +(relationship_pattern >> node_after_relationship);

inline constexpr KeywordChoice<ast::PathSelector, 2> path_selector{
    {},
    {{{"SHORTESTPATH", ast::PathSelector::ShortestPath},
      {"ALLSHORTESTPATHS", ast::PathSelector::AllShortestPaths}}},
    1};

inline constexpr auto anonymous_pattern_part_def =
    (path_selector >> tok("(") >> pattern_element >> closing(")", "')' to close the shortest path")) |
    (x3::attr(ast::PathSelector::None) >> pattern_element);

inline auto const pattern_part_body_def =
    (-path_assignment >> anonymous_pattern_part)[([](auto& ctx) {
      auto& attr = x3::_attr(ctx);
      ast::PatternPart& part = x3::_val(ctx);
      if (auto& variable = boost::fusion::at_c<0>(attr)) part.path_variable = std::move(*variable);
      AnonymousPatternPart& anonymous = boost::fusion::at_c<1>(attr);
      part.selector = anonymous.selector;
      part.element = std::move(anonymous.element);
    })];

inline constexpr auto pattern_part_def = pattern_part_body;

inline constexpr auto pattern_def = pattern_part % tok(",");

BOOST_SPIRIT_DEFINE(node_pattern, properties, relationship_types, relationship_detail_body, relationship_detail,
                    relationship_body, relationship_pattern, node_after_relationship, pattern_element, relationships_pattern,
                    anonymous_pattern_part, pattern_part_body, pattern_part, pattern, node_labels)

}  // namespace ergo::cypher::parser
