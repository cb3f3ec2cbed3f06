// Shared by the algo_*_test.cpp files: a database made by one CREATE
// statement, results read by node name, and errors caught for inspection.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "ergo/database.hpp"

namespace ergo::algo_test {

inline Database make_db(const std::string& create) {
  Database db;
  db.execute(create);
  return db;
}

// Column 0 must be a name; the value is column 1.
inline std::map<std::string, Value> by_name(const Result& r) {
  std::map<std::string, Value> out;
  for (const auto& row : r.rows()) out[row.at(0).as_string()] = row.at(1);
  return out;
}

// The names along a path, "s-x-t".
inline std::string path_names(const Result& r, const Value& v) {
  std::string out;
  for (NodeRef n : v.as_path().nodes) {
    for (const auto& [k, value] : r.properties(n)) {
      if (k == "name") out += (out.empty() ? "" : "-") + value.as_string();
    }
  }
  return out;
}

// The error a query raises (fails the test when it raises none).
inline Error error_of(Database& db, const std::string& query, const Params& params = {}) {
  try {
    db.execute(query, params);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error from: " << query;
  return Error(ErrorKind::runtime_error, "none");
}

}  // namespace ergo::algo_test
