// Helpers for the Cypher parser tests: parse a string, dump its tree or its
// error, and read the test data folders.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/cypher/ast_printer.hpp"
#include "grammar/cypher/parse_cypher.hpp"

namespace ergo::cypher::testing {

inline ParseResult parse(const std::string& text, const std::string& name = "query.cypher") {
  return parse_cypher(std::make_shared<text::SourceText>(name, text));
}

// The tree dump, or "error: <rendered diagnostic>" when the parse fails.
inline std::string dump(const std::string& text) {
  ParseResult r = parse(text);
  if (!r.ok()) return "error: " + text::render(r.error->diagnostic);
  return print(r.statements);
}

// The dump of one expression: `RETURN <expression>` parsed, its first item printed.
inline std::string expr(const std::string& expression) {
  ParseResult r = parse("RETURN " + expression);
  if (!r.ok()) return "error: " + r.error->diagnostic.message;
  const auto& ret = boost::get<ast::Return>(r.statements.at(0).query.first.clauses.at(0));
  return print(ret.projection.items.at(0).expression);
}

// The error message of a parse that must fail ("<parsed>" when it did not).
inline std::string error(const std::string& text) {
  ParseResult r = parse(text);
  if (r.ok()) return "<parsed>";
  return r.error->diagnostic.message;
}

// "line:column detail: message"
inline std::string located_error(const std::string& text) {
  ParseResult r = parse(text);
  if (r.ok()) return "<parsed>";
  const auto& d = r.error->diagnostic;
  return std::to_string(d.line) + ":" + std::to_string(d.column) + " " + r.error->detail + ": " + d.message;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The stems of the files with `extension` in `dir`, sorted.
inline std::vector<std::string> file_stems(const std::filesystem::path& dir, const std::string& extension) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == extension) names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline bool updating_golden() {
  const char* update = std::getenv("ERGO_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace ergo::cypher::testing
