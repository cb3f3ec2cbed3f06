// The docs SHOW FUNCTIONS and dbms.functions() list: one for every function
// a query can call, and none for a function that does not exist.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "engine/eval/function_docs.hpp"
#include "engine/eval/function_table.hpp"

namespace ergo::eval {
namespace {

TEST(FunctionDocs, EveryFunctionHasOneAndEveryOneAFunction) {
  std::set<std::string> documented;
  for (const FunctionDoc& d : function_docs()) {
    EXPECT_NE(lookup_function(d.name), nullptr) << d.name << " is documented but not a function";
    EXPECT_TRUE(documented.insert(std::string(d.name)).second) << d.name << " is documented twice";
    EXPECT_FALSE(d.category.empty()) << d.name;
    EXPECT_TRUE(d.signature.starts_with(std::string(d.name) + "(")) << d.signature;
    EXPECT_TRUE(d.description.ends_with(".")) << d.name << ": " << d.description;
  }
  for (const FunctionEntry& f : function_table()) {
    const FunctionDoc* d = function_doc(f.name);
    ASSERT_NE(d, nullptr) << f.name << " has no entry in engine/eval/function_docs.cpp";
    EXPECT_EQ(d->name, f.name);
  }
  EXPECT_EQ(function_docs().size(), function_table().size());
}

TEST(FunctionDocs, LookupIgnoresLetterCase) {
  ASSERT_NE(function_doc("TOUPPER"), nullptr);
  EXPECT_EQ(function_doc("TOUPPER")->name, "toUpper");
  EXPECT_EQ(function_doc("duration.BETWEEN")->name, "duration.between");
  EXPECT_EQ(function_doc("noSuchFunction"), nullptr);
}

}  // namespace
}  // namespace ergo::eval
