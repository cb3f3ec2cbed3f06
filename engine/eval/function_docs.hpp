// The documentation of every function a query can call: the category,
// signature and description that SHOW FUNCTIONS and dbms.functions() list,
// one per entry of function_table() (a test checks that none is missing).
#pragma once

#include <span>
#include <string_view>

namespace ergo::eval {

struct FunctionDoc {
  std::string_view name;         // canonical spelling, as in function_table()
  std::string_view category;     // Neo4j's: "Aggregating", "List", "Numeric", "Scalar", "String", "Temporal", ...
  std::string_view signature;    // Neo4j style: "toUpper(input :: STRING) :: STRING"; defaults show optional args
  std::string_view description;  // one plain sentence
};

// Every function, sorted case-insensitively by name.
std::span<const FunctionDoc> function_docs();

// The entry for `name` in any letter case, or nullptr.
const FunctionDoc* function_doc(std::string_view name);

}  // namespace ergo::eval
