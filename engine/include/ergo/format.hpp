// ergo::write_result: a query result as text for people and programs — an
// aligned table, CSV, TSV, JSON, JSON Lines or a Markdown table. The ergo
// shell prints through it; embedders and the renderer may too.
//
//   ergo::write_result(std::cout, db.execute("MATCH (c:Company) RETURN c.name"), {ergo::Format::csv});
//
// Thread safety: the functions here only read the Result (and the copy of
// its nodes and relationships it holds), so several threads may format the
// same Result at once, each to its own stream.
#pragma once

#include <cstddef>
#include <optional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "ergo/result.hpp"
#include "ergo/value.hpp"

namespace ergo {

enum class Format {
  table,     // columns aligned by display width, in an ASCII frame
  csv,       // RFC 4180 quoting; null is an empty field
  tsv,       // tab-separated; \t \n \r and \ escaped with a backslash
  json,      // one array of row objects keyed by column name
  jsonl,     // one row object per line
  markdown,  // a GitHub-flavoured Markdown table
  vertical,  // one field per line under a "-[ row N ]-" rule (psql's \x)
  automatic, // "auto": table, or vertical when a row does not fit max_width
};

// "table", "csv", "tsv", "json", "jsonl", "markdown", "vertical", "auto"
// (exact, lower case); nullopt for anything else.  format_name() is the
// inverse.
std::optional<Format> parse_format(std::string_view name);
const char* format_name(Format format);

struct FormatOptions {
  Format format = Format::table;
  // Column names as a first row (table, csv, tsv, markdown; JSON keys rows
  // by column name whatever this says).
  bool header = true;
  // Table only: the widest a column may be, in terminal columns; a longer
  // value is cut and ends in "…". 0: no limit.
  std::size_t max_column_width = 60;
  // Table, vertical and auto: the widest the output may be (a terminal's
  // width); in a table the widest columns give way first, auto switches to
  // vertical instead, and vertical only keeps its rules within it. 0: no
  // limit.
  std::size_t max_width = 0;
};

// Writes the columns and rows of `result` to `out` in `options.format`.
// Writes nothing for a result without columns in table, csv, tsv and
// markdown, and "[]" in json. Nodes, relationships and paths are read
// through `result`, so it must still be attached to its database; throws
// ergo::Error (runtime_error) when it is not.
void write_result(std::ostream& out, const Result& result, const FormatOptions& options);

// In a table (and auto's table), nodes, relationships and paths are shown
// compactly so that rows stay apart: a node as (OpenAI:Company:Organization)
// — its name, then its labels — and a path as
// (Microsoft:Company)-[:INVESTS_IN]->(OpenAI:Company:Organization); a node
// without a name, and a relationship on its own, as display_text() says.
// The vertical format shows every value in full, as display_text() does.
//
// One value as the CSV, TSV, Markdown and vertical formats show it: a string
// as itself, a date as YYYY-MM-DD, null as "null", and anything else in
// Cypher notation — a node as (:Label {name: 'Microsoft', ...}) with its
// name first, a relationship as [:TYPE {...}], a path as
// (...)-[:TYPE]->(...). Strings inside lists and maps are quoted.
std::string display_text(const Result& result, const Value& value);

// The line shown under a result: "3 rows", "1 row", plus what a query
// changed ("1 row; created 2 nodes, set 4 properties"); for a statement
// without RETURN only the changes ("Created 2 nodes, set 4 properties").
std::string result_summary(const Result& result);

}  // namespace ergo
