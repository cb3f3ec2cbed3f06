// Test support for the exports (docs/export.md): the whole graph as a
// sorted list of lines that compares two databases element by element —
// labels, every property with its type, relationships by their ends'
// contents — whatever ids the reload gave them; and a seeded random graph
// that holds every property type and the strings that break writers.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ergo/database.hpp"

namespace ergo::testing {

// A node as text: its labels, sorted, and its properties in Cypher notation,
// which keeps types apart (1, 1.0, '1', date('...')).
inline std::string node_text(const Value& labels, const Value& properties) {
  std::vector<std::string> names;
  for (const Value& l : labels.as_list()) names.push_back(l.as_string());
  std::sort(names.begin(), names.end());
  std::string out = "(";
  for (const std::string& l : names) out += ":" + l;
  return out + " " + properties.to_cypher() + ")";
}

// Every node and relationship, one line each, sorted. Relationships name
// their ends by content, so two graphs with different ids compare equal
// exactly when they hold the same elements (the nodes must differ from one
// another for that to be a full check: every test graph's do, by name).
inline std::vector<std::string> graph_lines(Database& db) {
  std::vector<std::string> lines;
  for (const Row& row : db.execute("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")) {
    lines.push_back(node_text(row["l"], row["p"]));
  }
  for (const Row& row : db.execute("MATCH (a)-[r]->(b) RETURN labels(a) AS la, properties(a) AS pa, type(r) AS t, "
                                   "properties(r) AS pr, labels(b) AS lb, properties(b) AS pb")) {
    lines.push_back(node_text(row["la"], row["pa"]) + "-[:" + row["t"].as_string() + " " + row["pr"].to_cypher() +
                    "]->" + node_text(row["lb"], row["pb"]));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// A CSV dump's files by name, in the order dump_csv() wrote them.
inline std::vector<std::pair<std::string, std::string>> csv_dump(const Database& db) {
  std::map<std::string, std::ostringstream> streams;
  std::vector<std::string> order;
  db.dump_csv([&](const std::string& name) -> std::ostream& {
    order.push_back(name);
    return streams[name];
  });
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& name : order) files.emplace_back(name, streams[name].str());
  return files;
}

// Whether the two graphs are the same, with the first difference shown.
inline void expect_same_graph(Database& expected, Database& actual) {
  std::vector<std::string> want = graph_lines(expected), got = graph_lines(actual);
  ASSERT_EQ(want.size(), got.size()) << "element counts differ";
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(want[i], got[i]) << "element " << i << " of " << want.size() << " differs";
  }
}

// Text that writers must escape: quotes of both kinds, backslashes, line
// breaks, tabs, commas and semicolons, Hangul, an emoji, a control
// character. List items leave out ';' (the CSV list separator, see
// docs/export.md) and are never empty.
inline const std::vector<std::string>& tricky_texts() {
  static const std::vector<std::string> texts = {
      "plain", "it's", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "comma, and; semicolon",
      "마이크로소프트", "emoji 🚀", "cr\r\nlf", "bell\x07", " padded ", "", "007", "true", "null",
      "-- not a comment", "/* nor this */", "{braces: [1]}", "ends with backslash\\"};
  return texts;
}

// A random graph through Cypher with parameters, so every value is exactly
// what the generator chose. Each key keeps one type (as a CSV column must):
// integers from the edges of 64 bits, floats that need 17 digits,
// booleans, dates from year 1 to 9999 with month precision beside some,
// money (amount and currency), tricky strings, lists of each type, empty
// lists; names and aliases unique; relationships with and without
// provenance (source, line), parallel ones and self-loops.
inline void fill_random_graph(Database& db, unsigned seed, int nodes, int relationships) {
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<std::string>& texts = tricky_texts();
  auto list_text = [&] {
    std::string t = texts[pick(texts.size())];
    std::replace(t.begin(), t.end(), ';', ':');
    return t.empty() ? std::string("x") : t;
  };
  const std::vector<std::int64_t> ints = {0, 1, -1, 42, std::numeric_limits<std::int64_t>::max(),
                                          std::numeric_limits<std::int64_t>::min(), 1'000'000'000'000};
  const std::vector<double> floats = {0.1, 1.0 / 3, -2.5, 1e-300, 1.7976931348623157e308, 5e-324, 123456789.125,
                                      -0.0, 1.0};
  auto a_float = [&] { return rng() % 3 ? floats[pick(floats.size())] : std::ldexp(double(rng() % 1000000), -int(pick(40))); };
  auto a_date = [&] {
    int year = rng() % 10 == 0 ? (rng() % 2 ? 1 : 9999) : 1900 + static_cast<int>(pick(200));
    return *Date::from_ymd(year, 1 + static_cast<int>(pick(12)), 1 + static_cast<int>(pick(28)));
  };
  const std::vector<std::string> labels = {"Company", "Person", "Product", "Place"};
  for (int i = 0; i < nodes; ++i) {
    Map p;
    p.emplace_back("name", "Node " + std::to_string(i) + " " + texts[pick(texts.size())]);
    if (rng() % 2) {
      List aliases;
      for (std::size_t k = 0, n = 1 + pick(3); k < n; ++k) {
        aliases.push_back("alias " + std::to_string(i) + "." + std::to_string(k) + " " + list_text());
      }
      p.emplace_back("aliases", aliases);
    }
    if (rng() % 2) p.emplace_back("count", ints[pick(ints.size())]);
    if (rng() % 2) p.emplace_back("score", a_float());
    if (rng() % 2) p.emplace_back("active", rng() % 2 == 0);
    if (rng() % 2) p.emplace_back("note", texts[pick(texts.size())]);
    if (rng() % 3 == 0) {
      Date d = a_date();
      p.emplace_back("founded", *Date::from_ymd(d.year(), d.month(), 1));
      p.emplace_back("founded_precision", "month");
    } else if (rng() % 2) {
      p.emplace_back("founded", a_date());
    }
    if (rng() % 3 == 0) {
      p.emplace_back("amount", ints[pick(ints.size())]);
      p.emplace_back("currency", rng() % 2 ? "USD" : "KRW");
    }
    if (rng() % 2) {
      List tags;
      for (std::size_t k = 0, n = pick(4); k < n; ++k) tags.push_back(list_text());
      p.emplace_back("tags", tags);  // sometimes empty
    }
    if (rng() % 3 == 0) p.emplace_back("numbers", List{ints[pick(ints.size())], std::int64_t(7)});
    if (rng() % 3 == 0) p.emplace_back("ratios", List{a_float(), a_float()});
    if (rng() % 4 == 0) p.emplace_back("days", List{a_date()});
    if (rng() % 4 == 0) p.emplace_back("flags", List{true, false});
    std::string pattern = "(n";
    for (std::size_t k = 0, n = 1 + pick(2); k < n; ++k) pattern += ":" + labels[(i + k) % labels.size()];
    db.execute("CREATE " + pattern + ") SET n = $p", {{"p", Value(p)}});
  }
  const std::vector<std::string> types = {"KNOWS", "INVESTS_IN", "PART_OF"};
  for (int i = 0; i < relationships; ++i) {
    Map p;
    if (rng() % 4) {
      p.emplace_back("source", "doc-" + std::to_string(pick(3)));
      p.emplace_back("line", std::int64_t(1 + pick(90)));
    }
    if (rng() % 2) p.emplace_back("weight", a_float());
    if (rng() % 2) p.emplace_back("since", a_date());
    if (rng() % 3 == 0) p.emplace_back("context", texts[pick(texts.size())]);
    if (rng() % 3 == 0) p.emplace_back("scope", List{list_text()});
    std::int64_t a = static_cast<std::int64_t>(pick(nodes)), b = rng() % 10 == 0 ? a : static_cast<std::int64_t>(pick(nodes));
    db.execute("MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b CREATE (a)-[r:" + types[pick(types.size())] +
                   "]->(b) SET r = $p",
               {{"a", Value(a)}, {"b", Value(b)}, {"p", Value(p)}});
  }
}

}  // namespace ergo::testing
