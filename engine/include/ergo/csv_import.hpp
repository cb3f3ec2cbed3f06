// Importing nodes and relationships from CSV files (docs/csv-import.md):
//
//   nodes.csv          id,name,label,founded
//                      0,OpenAI,Company,2015
//   edges.csv          src,dst,type,since
//                      3,0,INVESTS_IN,2019
//
//   db.import_csv({.nodes = {{"nodes.csv"}}, .relationships = {{"edges.csv"}}});
//
// Each file has a header row. A column's header names its role or the
// property it fills, optionally with a type after a colon: `id`/`:ID`,
// `label`/`:LABEL` (several separated by ';'), `src`/`:START_ID`,
// `dst`/`:END_ID`, `type`/`:TYPE`, `:IGNORE`, `founded:int`,
// `aliases:string[]` (a list, items separated by ';'), `when:date`.
// Untyped property columns get the narrowest type every value in the column
// fits: integer, float, boolean, date (YYYY-MM-DD), else string (numbers
// written with a leading zero, like 007, count as text); untyped `name`
// and `aliases` columns are always strings. An empty field leaves the
// property out.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ergo {

struct CsvFile {
  // So that {"nodes.csv"} and {"people.csv", "Person"} both read well.
  CsvFile(std::string path = {}, std::string label_or_type = {})
      : path(std::move(path)), label_or_type(std::move(label_or_type)) {}

  std::string path;
  // Nodes files: labels every node of the file gets (';'-separated), added
  // to those of a label column. Relationship files: the type of every
  // relationship whose type field is empty or that has no type column.
  std::string label_or_type;
};

struct CsvImport {
  std::vector<CsvFile> nodes;
  // Endpoints are the id column values of the nodes files of the same
  // import (one id space for all of them); an import without nodes files
  // matches them against the `name` and `aliases` of the nodes already in
  // the database instead (ignoring case, as find_by_name does).
  std::vector<CsvFile> relationships;
  // Any character but '"', '\r' and '\n'; ';' and '\t' are common.
  char delimiter = ',';
  // false: any bad row fails the import and nothing is added. true: bad rows
  // are skipped (and counted); a relationship whose endpoint row was skipped
  // is skipped too. Problems with a header fail the import either way.
  bool lenient = false;
  // How many problems are described in the error or the summary; all are
  // counted.
  std::size_t max_reported = 20;
};

// What import_csv() added.
struct CsvImportSummary {
  std::size_t nodes = 0;
  std::size_t relationships = 0;
  std::size_t skipped_rows = 0;       // lenient imports only
  // Lenient imports: the first max_reported rows skipped, each rendered
  // "file:line:column: error: ..." with the line and a caret, in file order.
  std::vector<std::string> problems;
};

}  // namespace ergo
