// Rule definitions of the line grammar (declared in statement.hpp). Every
// expectation point names what was missing, so each bad line gets a message
// saying what was expected where; names, maps and words come from value.hpp.
#pragma once

#include "grammar/kg/ast.hpp"
#include "grammar/kg/ast_adapted.hpp"
#include "grammar/kg/error_handler.hpp"
#include "grammar/kg/primitives.hpp"
#include "grammar/kg/statement.hpp"
#include "grammar/kg/value.hpp"

namespace ergo::kg::parser {

struct LineClass : LineErrorHandler {};
struct LineBodyClass;
struct EndOfStatementClass;
struct StatementClass;
struct DirectiveClass : Annotate {};
struct DirectiveKeywordClass : Annotate {};
struct DirectiveNameClass;
struct NameStatementClass : Annotate {};
struct StatementTailClass;
struct DeclTailClass;
struct LabelsClass;
struct LabelClass;
struct AliasesClass;
struct AliasClass;
struct AliasAfterCommaClass;
struct FactTailClass;
struct ObjectNameClass;
struct LineMarkerClass : Annotate {};
struct LineNumberClass;

LineRule const line_rule = "a line";
x3::rule<LineBodyClass, boost::optional<ast::Statement>> const line_body =
    "expected an entity name or '@source' at the start of the line";
x3::rule<EndOfStatementClass> const end_of_statement = messages::end_of_statement;
x3::rule<StatementClass, ast::Statement> const statement = "a statement";
x3::rule<DirectiveClass, ast::Directive> const directive = "a directive";
x3::rule<DirectiveKeywordClass, ast::Word> const directive_keyword = "a directive";
x3::rule<DirectiveNameClass> const directive_name =
    "expected a directive name after '@', like @source";
x3::rule<NameStatementClass, ast::NameStatement> const name_statement = "a statement";
x3::rule<StatementTailClass, x3::variant<ast::DeclTail, ast::FactTail>> const statement_tail =
    "expected ':' or a relationship type after the name";
x3::rule<DeclTailClass, ast::DeclTail> const decl_tail = "an entity declaration";
x3::rule<LabelsClass, std::vector<ast::Word>> const labels = "expected a label after ':'";
x3::rule<LabelClass, ast::Word> const label = "expected a label after ':'";
x3::rule<AliasesClass, std::vector<ast::Name>> const aliases = "'aka' and names";
x3::rule<AliasClass, ast::Name> const alias = "expected a name after 'aka'";
x3::rule<AliasAfterCommaClass, ast::Name> const alias_after_comma =
    "expected another name after ','";
x3::rule<FactTailClass, ast::FactTail> const fact_tail = "a fact";
x3::rule<ObjectNameClass, ast::Name> const object_name =
    "expected the object's name after the relationship type";
x3::rule<LineMarkerClass, ast::Word> const line_marker = "a line marker";
x3::rule<LineNumberClass> const line_number = "expected a line number after '@', like @12";

auto const comment = x3::lexeme['#' >> x3::omit[*x3::char_]];
auto const end_of_statement_def = -comment >> x3::eoi;
auto const line_rule_def = x3::eps > line_body;
auto const line_body_def = end_of_statement | (statement > end_of_statement);
auto const statement_def = directive | name_statement;

auto const directive_name_def = x3::omit[+word_char];
auto const directive_keyword_def = x3::lexeme['@' > directive_name];
auto const directive_def = directive_keyword >> -name();

auto const name_statement_def = name() > statement_tail;
auto const statement_tail_def = decl_tail | fact_tail;

auto const label_def = word();
auto const labels_def = label > *(':' > label);
auto const aka_keyword = x3::lexeme["aka" >> !word_char];
auto const alias_def = name();
auto const alias_after_comma_def = name();
auto const aliases_def = aka_keyword > alias > *(',' > alias_after_comma);
auto const decl_tail_def = (':' > labels) >> -aliases >> -map();

auto const object_name_def = name();
auto const line_number_def = x3::omit[+word_char];
auto const line_marker_def = x3::lexeme['@' > line_number];
auto const fact_tail_def = (word() > object_name) >> -map() >> -line_marker;

BOOST_SPIRIT_DEFINE(line_rule, line_body, end_of_statement, statement, directive,
                    directive_keyword, directive_name, name_statement, statement_tail,
                    decl_tail, labels, label, aliases, alias, alias_after_comma, fact_tail,
                    object_name, line_marker, line_number)

}  // namespace ergo::kg::parser
