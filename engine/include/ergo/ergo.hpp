// <ergo/ergo.hpp>: the whole public API of ergo in one include. It pulls in
// only the small headers of this directory, which use the standard library
// and ergo types alone (no Boost, Graphviz or JSON library; a test checks).
// Include the individual headers instead to depend on less.
//
// Thread safety, in short (each header says more): one Database may be
// shared by any number of threads with no locking of your own; Results,
// Rows and PreparedQuerys may be read and executed from any thread; values
// (Value, Params, Schema, Error, ...) are plain values like std::string.
#pragma once

#include "ergo/csv_import.hpp"      // CsvImport: nodes and relationships from CSV files
#include "ergo/database.hpp"        // Database: open, load, import_csv, execute, prepare, interrupt, dump
#include "ergo/dump.hpp"            // DumpFormat: kg, Cypher, CSV, GraphML, JSON Lines exports
#include "ergo/error.hpp"           // Error, ErrorKind: what every function throws
#include "ergo/format.hpp"          // write_result: table, CSV, TSV, JSON, JSON Lines, Markdown
#include "ergo/language.hpp"        // cypher_keywords, cypher_functions
#include "ergo/limits.hpp"          // Limits: time, memory and query length per statement
#include "ergo/params.hpp"          // Params: named query parameters
#include "ergo/prepared_query.hpp"  // PreparedQuery: parse once, execute many times
#include "ergo/procedure.hpp"       // Procedure: what a program adds for queries to CALL
#include "ergo/profiled_plan.hpp"   // ProfiledOperator: a PROFILE plan as a tree
#include "ergo/render.hpp"          // render, render_to_file, to_dot: diagrams with Graphviz
#include "ergo/query_stats.hpp"     // QueryStats: what a query changed
#include "ergo/result.hpp"          // Result: columns, rows, graph element accessors
#include "ergo/row.hpp"             // Row, RowIterator: rows as views
#include "ergo/schema.hpp"          // Schema: labels, types and keys with counts
#include "ergo/temporal.hpp"        // Date, LocalTime, Time, LocalDateTime, DateTime, Duration
#include "ergo/transaction.hpp"     // Transaction: begin, execute, commit, rollback
#include "ergo/value.hpp"           // Value, NodeRef, RelationshipRef, PathRef, List, Map
