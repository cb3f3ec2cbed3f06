// Private to the Cypher parser: the clause grammar units. reading_clause
// (MATCH, UNWIND, CALL, CALL { ... }, LOAD CSV, WITH, RETURN with their projections) and
// updating_clause (CREATE, MERGE, SET, DELETE, REMOVE) are separate
// translation units; statement.hpp strings clauses into queries.
#pragma once

#include "grammar/cypher/config.hpp"

namespace ergo::cypher::parser {

struct match_clause_class;
struct unwind_clause_class;
struct call_clause_class;
struct call_subquery_clause_class;
struct load_csv_clause_class;
struct with_clause_class;
struct return_clause_class;
struct create_clause_class;
struct merge_clause_class;
struct set_clause_class;
struct delete_clause_class;
struct remove_clause_class;

using match_clause_type = x3::rule<match_clause_class, ast::Match>;
using unwind_clause_type = x3::rule<unwind_clause_class, ast::Unwind>;
using call_clause_type = x3::rule<call_clause_class, ast::Call>;
using call_subquery_clause_type = x3::rule<call_subquery_clause_class, ast::CallSubquery>;
using load_csv_clause_type = x3::rule<load_csv_clause_class, ast::LoadCsv>;
using with_clause_type = x3::rule<with_clause_class, ast::With>;
using return_clause_type = x3::rule<return_clause_class, ast::Return>;
using create_clause_type = x3::rule<create_clause_class, ast::Create>;
using merge_clause_type = x3::rule<merge_clause_class, ast::Merge>;
using set_clause_type = x3::rule<set_clause_class, ast::Set>;
using delete_clause_type = x3::rule<delete_clause_class, ast::Delete>;
using remove_clause_type = x3::rule<remove_clause_class, ast::Remove>;

BOOST_SPIRIT_DECLARE(match_clause_type, unwind_clause_type, call_clause_type, call_subquery_clause_type,
                     load_csv_clause_type, with_clause_type, return_clause_type);
BOOST_SPIRIT_DECLARE(create_clause_type, merge_clause_type, set_clause_type, delete_clause_type,
                     remove_clause_type);

inline constexpr match_clause_type match_clause{"MATCH"};
inline constexpr unwind_clause_type unwind_clause{"UNWIND"};
inline constexpr call_clause_type call_clause{"CALL"};
inline constexpr call_subquery_clause_type call_subquery_clause{"CALL { ... }"};
inline constexpr load_csv_clause_type load_csv_clause{"LOAD CSV"};
inline constexpr with_clause_type with_clause{"WITH"};
inline constexpr return_clause_type return_clause{"RETURN"};
inline constexpr create_clause_type create_clause{"CREATE"};
inline constexpr merge_clause_type merge_clause{"MERGE"};
inline constexpr set_clause_type set_clause{"SET"};
inline constexpr delete_clause_type delete_clause{"DELETE"};
inline constexpr remove_clause_type remove_clause{"REMOVE"};

}  // namespace ergo::cypher::parser
