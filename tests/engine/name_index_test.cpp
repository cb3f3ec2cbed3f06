// The name index: folded keys, each node once per key, ascending answers,
// and adding many nodes of one name in linear time.
#include "engine/store/name_index.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace ergo::store {
namespace {

using Ids = std::vector<NodeId>;

TEST(NameIndex, FindsByFoldedNameAscendingAndOnce) {
  NameIndex index;
  index.add("OpenAI", 7);
  index.add("openai", 3);
  index.add("OPENAI", 7);  // the same node under the same key: kept once
  index.add("Microsoft", 5);
  EXPECT_EQ(index.find("OpenAi"), (Ids{3, 7}));
  EXPECT_EQ(index.find("MICROSOFT"), (Ids{5}));
  EXPECT_EQ(index.find("IBM"), Ids{});
  EXPECT_EQ(index.size(), 3u);
}

TEST(NameIndex, RemoveTakesOneNodeAndForgetsAnEmptyKey) {
  NameIndex index;
  for (NodeId n : {4u, 2u, 9u}) index.add("Anthropic", n);
  index.remove("anthropic", 4);
  index.remove("anthropic", 4);   // already gone: nothing happens
  index.remove("Nobody", 2);      // no such key: nothing happens
  EXPECT_EQ(index.find("Anthropic"), (Ids{2, 9}));
  index.remove("ANTHROPIC", 2);
  index.remove("ANTHROPIC", 9);
  EXPECT_EQ(index.find("Anthropic"), Ids{});
  EXPECT_EQ(index.size(), 0u);
}

// UNWIND range(1, 200000) AS i CREATE ({name: 'x'}) once scanned every
// earlier node of the name on each add (quadratic: minutes at this size).
TEST(NameIndex, ManyNodesOfOneName) {
  constexpr NodeId count = 200'000;
  NameIndex index;
  for (NodeId n = 0; n < count; ++n) index.add("x", n);
  index.add("X", count - 1);
  for (NodeId n = 0; n < 2'000; n += 2) index.remove("x", n);
  Ids found = index.find("x");
  ASSERT_EQ(found.size(), count - 1'000);
  for (NodeId i = 0; i < 1'000; ++i) ASSERT_EQ(found[i], 2 * i + 1);
  EXPECT_EQ(found.back(), count - 1);
  EXPECT_EQ(index.size(), count - 1'000);
}

TEST(NameIndex, InvalidUtf8IsItsOwnKey) {
  NameIndex index;
  index.add("\xff" "abc", 1);
  EXPECT_EQ(index.find("\xff" "abc"), (Ids{1}));
  EXPECT_EQ(index.find("\xff" "ABC"), Ids{});
}

}  // namespace
}  // namespace ergo::store
