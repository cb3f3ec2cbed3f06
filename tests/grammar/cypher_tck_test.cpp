// TCK parse coverage: every query of the openCypher TCK under
// ERGO_SHARED_DIR/tck (scenario queries, control queries, setup queries of
// scenarios and backgrounds, Scenario Outlines expanded from their Examples,
// and the named graphs' scripts) goes through the parser. Queries whose
// scenario expects a compile-time SyntaxError with a detail the parser owns
// (UnexpectedSyntax, literal and relationship-pattern errors) must fail with
// that detail; all others — including the semantic SyntaxErrors the binder
// reports (UndefinedVariable, VariableAlreadyBound, ...) — must parse.
// Deviations must be listed, with a reason, in cypher_tck_parse_exceptions.txt.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cypher_test_support.hpp"

namespace ergo::cypher {
namespace {

namespace fs = std::filesystem;

const fs::path tck_dir = fs::path(ERGO_SHARED_DIR) / "tck";
const fs::path exceptions_file = fs::path(ERGO_TESTS_DIR) / "grammar" / "cypher_tck_parse_exceptions.txt";

// The SyntaxError details a parser can tell; the others need names and types.
const std::set<std::string> parser_details = {"UnexpectedSyntax",      "InvalidUnicodeLiteral",
                                              "IntegerOverflow",       "InvalidNumberLiteral",
                                              "FloatingPointOverflow", "InvalidRelationshipPattern"};

struct TckQuery {
  std::string where;     // "clauses/match/Match4.feature:123"
  std::string scenario;  // "Scenario: [9] Fail when asterisk operator is missing"
  std::string text;
  std::string expected_detail;  // compile-time SyntaxError detail of the scenario's query, or ""
};

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The cells of a Gherkin table row, with \| \\ \n unescaped.
std::vector<std::string> table_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  bool open = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    char c = row[i];
    if (c == '\\' && i + 1 < row.size()) {
      char n = row[++i];
      cell += n == 'n' ? '\n' : n;
    } else if (c == '|') {
      if (open) cells.push_back(trim(cell));
      cell.clear();
      open = true;
    } else {
      cell += c;
    }
  }
  return cells;
}

class FeatureReader {
 public:
  FeatureReader(const fs::path& file, std::string name) : name_(std::move(name)) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }

  std::vector<TckQuery> queries() {
    std::vector<TckQuery> out;
    Scenario current;
    bool in_scenario = false;
    auto finish = [&] {
      if (in_scenario) expand(current, out);
      current = Scenario{};
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string line = trim(lines_[i]);
      if (line.empty() || line[0] == '#') continue;
      if (starts_with(line, "Background:") || starts_with(line, "Scenario:") ||
          starts_with(line, "Scenario Outline:")) {
        finish();
        in_scenario = true;
        current.name = line;
        current.outline = starts_with(line, "Scenario Outline:");
      } else if (line == "When executing query:" || line == "When executing control query:" ||
                 line == "And having executed:" || line == "Given having executed:") {
        std::size_t start_line = i + 1;
        std::string text = doc_string(i);
        current.queries.push_back({name_ + ":" + std::to_string(start_line), text, line == "When executing query:"});
      } else if (starts_with(line, "Then a SyntaxError should be raised at compile time:")) {
        current.expected_detail = trim(line.substr(line.find(':') + 1));
      } else if (starts_with(line, "Examples:")) {
        std::vector<std::vector<std::string>> rows;
        while (i + 1 < lines_.size() && starts_with(trim(lines_[i + 1]), "|")) rows.push_back(table_cells(trim(lines_[++i])));
        if (!rows.empty()) current.examples.push_back(std::move(rows));
      }
    }
    finish();
    return out;
  }

 private:
  struct Query {
    std::string where;
    std::string text;
    bool is_scenario_query;
  };
  struct Scenario {
    std::string name;
    bool outline = false;
    std::vector<Query> queries;
    std::string expected_detail;
    std::vector<std::vector<std::vector<std::string>>> examples;
  };

  // The text between the """ lines after line i; leaves i on the closing """.
  std::string doc_string(std::size_t& i) {
    while (i + 1 < lines_.size() && trim(lines_[i + 1]) != "\"\"\"") ++i;
    i += 2;
    std::string text;
    for (; i < lines_.size() && trim(lines_[i]) != "\"\"\""; ++i) text += lines_[i] + "\n";
    return text;
  }

  static void expand(const Scenario& s, std::vector<TckQuery>& out) {
    auto add = [&](const Query& q, std::string text) {
      out.push_back({q.where, s.name, std::move(text), q.is_scenario_query ? s.expected_detail : ""});
    };
    for (const Query& q : s.queries) {
      if (!s.outline) {
        add(q, q.text);
        continue;
      }
      for (const auto& table : s.examples) {
        for (std::size_t r = 1; r < table.size(); ++r) {
          std::string text = q.text;
          for (std::size_t c = 0; c < table[0].size() && c < table[r].size(); ++c) {
            std::string placeholder = "<" + table[0][c] + ">";
            for (std::size_t at; (at = text.find(placeholder)) != std::string::npos;) {
              text.replace(at, placeholder.size(), table[r][c]);
            }
          }
          add(q, std::move(text));
        }
      }
    }
  }

  std::string name_;
  std::vector<std::string> lines_;
};

std::vector<TckQuery> all_tck_queries() {
  std::vector<TckQuery> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(tck_dir / "features")) {
    if (e.path().extension() == ".feature") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto queries = FeatureReader(f, fs::relative(f, tck_dir / "features").string()).queries();
    out.insert(out.end(), queries.begin(), queries.end());
  }
  if (fs::exists(tck_dir / "graphs")) {
    for (const auto& e : fs::recursive_directory_iterator(tck_dir / "graphs")) {
      if (e.path().extension() != ".cypher") continue;
      out.push_back({fs::relative(e.path(), tck_dir).string(), "named graph", testing::read_file(e.path()), ""});
    }
  }
  return out;
}

// "feature-path:line | reason" lines; '#' starts a comment.
std::map<std::string, std::string> known_exceptions() {
  std::map<std::string, std::string> out;
  std::ifstream in(exceptions_file);
  for (std::string line; std::getline(in, line);) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    std::size_t bar = line.find('|');
    out[trim(line.substr(0, bar))] = bar == std::string::npos ? "" : trim(line.substr(bar + 1));
  }
  return out;
}

TEST(CypherTck, EveryQueryParsesOrFailsAsTheTckExpects) {
  if (!fs::exists(tck_dir / "features")) GTEST_SKIP() << tck_dir << " is absent";
  std::vector<TckQuery> queries = all_tck_queries();
  ASSERT_GT(queries.size(), 1000u) << "the feature files were not read";
  std::map<std::string, std::string> exceptions = known_exceptions();
  std::set<std::string> exceptions_used;

  std::set<std::pair<std::string, std::string>> distinct;
  std::size_t must_parse = 0, parsed = 0, must_fail = 0, failed_right = 0, semantic = 0;
  std::vector<std::string> problems;
  for (const TckQuery& q : queries) {
    distinct.insert({q.text, q.expected_detail});
    bool expect_failure = parser_details.count(q.expected_detail) > 0;
    if (!q.expected_detail.empty() && !expect_failure) ++semantic;
    ParseResult r = testing::parse(q.text, q.where);
    std::string problem;
    if (expect_failure) {
      ++must_fail;
      if (r.ok()) {
        problem = "parses, but the TCK expects SyntaxError " + q.expected_detail;
      } else if (r.error->detail != q.expected_detail) {
        problem = "fails with " + r.error->detail + " instead of " + q.expected_detail + ": " +
                  r.error->diagnostic.message;
      } else {
        ++failed_right;
      }
    } else {
      ++must_parse;
      if (r.ok()) {
        ++parsed;
      } else {
        problem = "fails to parse: " + text::render(r.error->diagnostic);
      }
    }
    if (problem.empty()) continue;
    if (exceptions.count(q.where)) {
      exceptions_used.insert(q.where);
      continue;
    }
    problems.push_back(q.where + " (" + q.scenario + ")\n" + q.text + "  -> " + problem);
  }

  std::cout << "[ TCK      ] " << queries.size() << " queries (" << distinct.size() << " distinct): " << parsed
            << "/" << must_parse << " parse as they should (" << semantic
            << " of them expect a semantic SyntaxError for the binder), " << failed_right << "/" << must_fail
            << " fail with the expected SyntaxError detail; " << exceptions.size() << " known exceptions\n";
  for (const std::string& p : problems) ADD_FAILURE() << p;
  for (const auto& [where, reason] : exceptions) {
    EXPECT_TRUE(exceptions_used.count(where)) << where << " is listed in " << exceptions_file.filename()
                                              << " but now behaves as the TCK expects: remove it";
  }
}

}  // namespace
}  // namespace ergo::cypher
