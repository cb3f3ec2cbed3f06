// Rule definitions of the value grammar (declared in value.hpp). Token
// contents are checked later, when lowering: the grammar only finds where a
// word, string, number or bracket starts and ends.
#pragma once

#include "grammar/kg/ast.hpp"
#include "grammar/kg/ast_adapted.hpp"
#include "grammar/kg/error_handler.hpp"
#include "grammar/kg/primitives.hpp"
#include "grammar/kg/value.hpp"

namespace ergo::kg::parser {

struct WordClass : Annotate {};
struct QuotedClass : Annotate, UnterminatedStringHandler {};
struct NameClass {};
struct MapClass : Annotate, UnterminatedHandler<MapBrackets> {};
struct ListClass : Annotate, UnterminatedHandler<ListBrackets> {};
struct ScalarClass : Annotate {};
struct ScalarWordClass : Annotate {};
struct PropertyClass : Annotate {};
struct ValueClass;
struct ListBodyClass;
struct ListCloseClass;
struct ElementAfterCommaClass;
struct MapBodyClass;
struct MapCloseClass;
struct PropertyAfterCommaClass;
struct KeyColonClass;
struct PropertyValueClass;
struct DoubleCloseClass;
struct SingleCloseClass;

WordRule const word_rule = "a word";
x3::rule<QuotedClass, ast::Quoted> const quoted = "a quoted string";
NameRule const name_rule = "a name";
MapRule const map_rule = "a property map";
x3::rule<ListClass, ast::List> const list = "a list";
x3::rule<ScalarClass, ast::Scalar> const scalar = "a value";
x3::rule<ScalarWordClass, ast::Word> const scalar_word = "a value";
x3::rule<ValueClass, ast::Value> const value = "a value";
x3::rule<PropertyClass, ast::Property> const property = "a property";

x3::rule<ListBodyClass, std::vector<ast::Value>> const list_body = messages::list_start;
x3::rule<ListCloseClass> const list_close = messages::list_close;
x3::rule<ElementAfterCommaClass, ast::Value> const element_after_comma =
    "expected a value after ','";
x3::rule<MapBodyClass, std::vector<ast::Property>> const map_body = messages::map_start;
x3::rule<MapCloseClass> const map_close = messages::map_close;
x3::rule<PropertyAfterCommaClass, ast::Property> const property_after_comma =
    "expected a property key after ','";
x3::rule<KeyColonClass> const key_colon = "expected ':' after the property key";
x3::rule<PropertyValueClass, ast::Value> const property_value = "expected a value after ':'";
x3::rule<DoubleCloseClass> const double_close = messages::unterminated_double;
x3::rule<SingleCloseClass> const single_close = messages::unterminated_single;

auto const word_rule_def = x3::lexeme[x3::omit[+word_char]];

auto const double_close_def = x3::lit('"');
auto const single_close_def = x3::lit('\'');
auto const escape_pair = x3::lit('\\') >> x3::omit[x3::char_];
auto const quoted_def =
    x3::lexeme[(x3::lit('"') >> *(escape_pair | x3::omit[StringChar<'"'>{}]) > double_close) |
               (x3::lit('\'') >> *(escape_pair | x3::omit[StringChar<'\''>{}]) > single_close)];

auto const name_rule_def = quoted | word_rule;

// A value's first word may also hold ':' before a digit and end in a
// bracketed zone name, so times and date-times are one word: 09:30:00,
// 2019-07-22T09:30:00+09:00, 2019-07-22T09:30[Asia/Seoul]. (`key: value`
// keeps its ':' — a space, not a digit, follows it.)
auto const scalar_word_def =
    x3::lexeme[x3::omit[+(word_char | (x3::lit(':') >> &x3::digit)) >> -(x3::lit('[') >> +word_char >> x3::lit(']'))]];
auto const scalar_def = scalar_word >> -(&currency_start >> word_rule) >> -(&currency_start >> word_rule);
auto const value_def = quoted | scalar | list | map_rule;

auto const list_close_def = x3::lit(']');
auto const element_after_comma_def = value;
auto const list_body_def = x3::lit(']') | (value >> *(',' > element_after_comma) > list_close);
auto const list_def = nested<'['>[list_body];

auto const key_colon_def = x3::lit(':');
auto const property_value_def = value;
auto const property_def = word_rule > key_colon > property_value;
auto const property_after_comma_def = property;
auto const map_close_def = x3::lit('}');
auto const map_body_def =
    x3::lit('}') | (property >> *(',' > property_after_comma) > map_close);
auto const map_rule_def = nested<'{'>[map_body];

BOOST_SPIRIT_DEFINE(word_rule, quoted, name_rule, map_rule, list, scalar, scalar_word, value, property,
                    list_body, list_close, element_after_comma, map_body, map_close,
                    property_after_comma, key_colon, property_value, double_close,
                    single_close)

}  // namespace ergo::kg::parser
