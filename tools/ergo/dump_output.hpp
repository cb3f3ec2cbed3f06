// Writing a dump where the user asked (`ergo dump -o PATH`, `:dump PATH`):
// the format from the name given or the path's extension, standard output
// for "-", a directory of two files for CSV, and every file written beside
// its place and renamed into it, so a failed dump leaves no half file
// (docs/export.md).
#pragma once

#include <optional>
#include <string>

#include "ergo/database.hpp"
#include "ergo/dump.hpp"

namespace ergo::cli {

// The format to write to `path`: `given` when set, else the one its
// extension names (.kg, .cypher, .cql, .graphml, .jsonl, .ndjson), or CSV
// for an existing directory or a path ending in '/'. Throws ergo::Error
// (argument_error) saying how to name one; `option` is how the caller
// names a format ("--format FORMAT", ":dump FILE FORMAT").
DumpFormat choose_dump_format(const std::optional<DumpFormat>& given, const std::string& path,
                              const std::string& option);

// Writes the whole graph of `db` as `format` to `path` ("-": standard
// output; for CSV a directory, created when missing, that gets nodes.csv
// and relationships.csv). Returns what was written, for a person: "Dumped
// 86 nodes and 162 relationships to graph.kg (kg)." Throws ergo::Error:
// what the database throws, io_error naming the file that cannot be
// written, argument_error for CSV to standard output.
std::string write_dump(const Database& db, DumpFormat format, const std::string& path);

// "kg, cypher, csv, graphml or jsonl", for messages.
const char* dump_format_names();

}  // namespace ergo::cli
